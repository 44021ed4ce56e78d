//! Letters signed cryptographically: PAdES baseline B-B (a CMS detached signature,
//! `ETSI.CAdES.detached`, with the signing certificate embedded and referenced by the
//! signed `signing-certificate-v2` attribute), added to the issued PDF as an incremental
//! update. The firm's key is ECDSA P-256 when the app creates it, its certificate self-signed
//! for a start (the firm's name and ORIAS number in the subject, non-repudiation key usage); a
//! certificate bought from a certification authority is imported from its `.p12` (`p12`), with
//! an RSA or P-256 key and the authority's chain, embedded in each signature.
//!
//! `pdfsig` (poppler) and pyHanko validate what this writes (tests/signing.rs).

mod p12;

use chrono::{DateTime, Utc};
use cms::builder::{SignedDataBuilder, SignerInfoBuilder};
use cms::cert::{CertificateChoices, IssuerAndSerialNumber};
use cms::signed_data::{EncapsulatedContentInfo, SignerIdentifier};
use der::asn1::{OctetString, SetOfVec};
use der::referenced::OwnedToRef;
use der::{Decode, Encode, EncodePem};
use lopdf::{dictionary, IncrementalDocument, Object, StringFormat};
use p256::ecdsa::signature::{Keypair, Signer};
use p256::ecdsa::{DerSignature, SigningKey};
use p256::pkcs8::EncodePrivateKey;
use p256::pkcs8::{EncryptedPrivateKeyInfo, PrivateKeyInfo};
use x509_cert::spki::{
    DynSignatureAlgorithmIdentifier, EncodePublicKey, SignatureBitStringEncoding,
};

use serde::Serialize;
use sha2::{Digest, Sha256};
use std::str::FromStr;
use std::time::Duration;
use x509_cert::builder::{Builder, CertificateBuilder, Profile};
use x509_cert::ext::pkix::{KeyUsage, KeyUsages};
use x509_cert::name::Name;
use x509_cert::serial_number::SerialNumber;
use x509_cert::spki::SubjectPublicKeyInfoOwned;
use x509_cert::time::Validity;
use x509_cert::Certificate;

/// Room for the CMS signature in the PDF (bytes; written as hex).
const PLACEHOLDER: usize = 8192;

/// What could go wrong, in French for the user.
#[derive(Debug, thiserror::Error)]
pub enum SignError {
    #[error("phrase secrète du certificat incorrecte")]
    Passphrase,
    #[error("{0}")]
    Certificate(String),
    #[error("signature du PDF impossible : {0}")]
    Pdf(String),
}

/// The firm's certificate as shown to the user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct CertificateInfo {
    pub subject: String,
    pub issuer: String,
    pub self_signed: bool,
    pub not_before: String,
    pub not_after: String,
    /// SHA-256 of the certificate (DER), what the journal keeps with each signed letter.
    pub fingerprint: String,
    /// The key's algorithm ("ECDSA P-256", "RSA 2048").
    pub key: String,
    /// When the firm declared the certificate revoked (set by the register), if it did.
    pub revoked_on: Option<String>,
}

/// A private key the firm signs with: ECDSA P-256 (created by the app) or RSA (what
/// certification authorities issue), signatures over SHA-256.
enum FirmKey {
    P256(SigningKey),
    Rsa(Box<rsa::pkcs1v15::SigningKey<Sha256>>, usize),
}

const RSA_ENCRYPTION: const_oid::ObjectIdentifier =
    const_oid::ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1");
const EC_PUBLIC_KEY: const_oid::ObjectIdentifier =
    const_oid::ObjectIdentifier::new_unwrap("1.2.840.10045.2.1");

impl FirmKey {
    /// A key from its PKCS#8 `PrivateKeyInfo` (DER).
    fn from_pkcs8_der(der: &[u8]) -> Result<Self, SignError> {
        let unreadable = |e: &dyn std::fmt::Display| {
            SignError::Certificate(format!("clé privée du certificat illisible : {e}"))
        };
        let info = PrivateKeyInfo::try_from(der).map_err(|e| unreadable(&e))?;
        match info.algorithm.oid {
            RSA_ENCRYPTION => {
                let key = rsa::RsaPrivateKey::try_from(info).map_err(|e| unreadable(&e))?;
                let bits = rsa::traits::PublicKeyParts::size(&key) * 8;
                if bits < 2048 {
                    return Err(SignError::Certificate(format!(
                        "clé RSA de {bits} bits : trop courte pour signer (2048 bits au moins)"
                    )));
                }
                Ok(FirmKey::Rsa(
                    Box::new(rsa::pkcs1v15::SigningKey::<Sha256>::new(key)),
                    bits,
                ))
            }
            EC_PUBLIC_KEY => SigningKey::try_from(info).map(FirmKey::P256).map_err(|_| {
                SignError::Certificate(
                    "clé ECDSA sur une courbe non prise en charge (P-256 seulement)".into(),
                )
            }),
            other => Err(SignError::Certificate(format!(
                "type de clé non pris en charge ({other}) : RSA ou ECDSA P-256 attendus"
            ))),
        }
    }

    /// The key's public half, as a certificate carries it.
    fn public_key_info(&self) -> Result<SubjectPublicKeyInfoOwned, SignError> {
        let c = |e: &dyn std::fmt::Display| SignError::Certificate(e.to_string());
        match self {
            FirmKey::P256(k) => SubjectPublicKeyInfoOwned::from_key(*k.verifying_key()),
            FirmKey::Rsa(k, _) => SubjectPublicKeyInfoOwned::from_key(k.verifying_key()),
        }
        .map_err(|e| c(&e))
    }

    fn describe(&self) -> String {
        match self {
            FirmKey::P256(_) => "ECDSA P-256".into(),
            FirmKey::Rsa(_, bits) => format!("RSA {bits}"),
        }
    }
}

/// The firm's unlocked key and its certificate, the authority's chain after it.
pub struct FirmSigner {
    key: FirmKey,
    cert: Certificate,
    chain: Vec<Certificate>,
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A name for an X.509 subject, without the characters that would end an attribute.
fn rdn(value: &str) -> String {
    value
        .chars()
        .filter(|c| !matches!(c, ',' | '+' | '=' | '"' | '\\' | '<' | '>' | ';' | '#'))
        .collect::<String>()
        .trim()
        .to_owned()
}

/// The shortest passphrase accepted for the firm's key.
pub const MIN_PASSPHRASE: usize = 10;

/// A new key and its self-signed certificate (valid `years` years from now): the certificate
/// (PEM) and the key encrypted with `passphrase` (PKCS#8 PBES2, PEM). The key never exists
/// unencrypted outside memory.
pub fn create_self_signed(
    firm: &str,
    orias: &str,
    now: DateTime<Utc>,
    years: u64,
    passphrase: &str,
) -> Result<(String, String), SignError> {
    check_passphrase(passphrase)?;
    let c = |e: &dyn std::fmt::Display| SignError::Certificate(e.to_string());
    let key = SigningKey::random(&mut rand_core::OsRng);
    let firm = rdn(firm);
    let subject = Name::from_str(&format!("CN={firm},OU=ORIAS {},O={firm},C=FR", rdn(orias)))
        .map_err(|e| SignError::Certificate(format!("nom du cabinet inutilisable : {e}")))?;
    let spki = SubjectPublicKeyInfoOwned::from_key(*key.verifying_key()).map_err(|e| c(&e))?;
    let time = |secs: i64| -> Result<x509_cert::time::Time, SignError> {
        let d = Duration::from_secs(u64::try_from(secs).unwrap_or_default());
        Ok(x509_cert::time::Time::UtcTime(
            der::asn1::UtcTime::from_unix_duration(d).map_err(|e| c(&e))?,
        ))
    };
    let start = now.timestamp();
    let validity = Validity {
        not_before: time(start)?,
        not_after: time(start + i64::try_from(years * 365 * 86_400).unwrap_or(i64::MAX / 2))?,
    };
    let serial = SerialNumber::new(&rand_serial()).map_err(|e| c(&e))?;
    let mut builder = CertificateBuilder::new(Profile::Root, serial, validity, subject, spki, &key)
        .map_err(|e| c(&e))?;
    builder
        .add_extension(&KeyUsage(
            KeyUsages::NonRepudiation | KeyUsages::DigitalSignature,
        ))
        .map_err(|e| c(&e))?;
    let cert = builder.build::<DerSignature>().map_err(|e| c(&e))?;
    let cert_pem = cert.to_pem(der::pem::LineEnding::LF).map_err(|e| c(&e))?;
    let key_pem = key
        .to_pkcs8_encrypted_pem(&mut rand_core::OsRng, passphrase, der::pem::LineEnding::LF)
        .map_err(|e| c(&e))?;
    Ok((cert_pem, key_pem.to_string()))
}

fn check_passphrase(passphrase: &str) -> Result<(), SignError> {
    if passphrase.chars().count() < MIN_PASSPHRASE {
        return Err(SignError::Certificate(format!(
            "la phrase secrète du certificat doit compter {MIN_PASSPHRASE} caractères au moins"
        )));
    }
    Ok(())
}

fn rand_serial() -> [u8; 16] {
    let mut b = [0u8; 16];
    rand_core::RngCore::fill_bytes(&mut rand_core::OsRng, &mut b);
    b[0] &= 0x7f;
    b[0] |= 0x01;
    b
}

/// The firm's certificate then its authority's chain, from the PEM file kept beside the register.
fn read_chain(cert_pem: &str) -> Result<(Certificate, Vec<Certificate>), SignError> {
    let mut certs = Certificate::load_pem_chain(cert_pem.as_bytes())
        .map_err(|e| SignError::Certificate(format!("certificat illisible : {e}")))?
        .into_iter();
    let first = certs
        .next()
        .ok_or_else(|| SignError::Certificate("certificat illisible : fichier vide".into()))?;
    Ok((first, certs.collect()))
}

/// The key in its encrypted PKCS#8 PEM, decrypted with the passphrase.
fn decrypt_key(key_pem: &str, passphrase: &str) -> Result<FirmKey, SignError> {
    let (_, doc) = der::SecretDocument::from_pem(key_pem)
        .map_err(|e| SignError::Certificate(format!("clé du certificat illisible : {e}")))?;
    let encrypted = EncryptedPrivateKeyInfo::try_from(doc.as_bytes())
        .map_err(|e| SignError::Certificate(format!("clé du certificat illisible : {e}")))?;
    let plain = encrypted
        .decrypt(passphrase)
        .map_err(|_| SignError::Passphrase)?;
    FirmKey::from_pkcs8_der(plain.as_bytes())
}

/// Unlock the firm's key with its passphrase, its certificate beside it.
pub fn unlock(cert_pem: &str, key_pem: &str, passphrase: &str) -> Result<FirmSigner, SignError> {
    let (cert, chain) = read_chain(cert_pem)?;
    let key = decrypt_key(key_pem, passphrase)?;
    if key.public_key_info()? != cert.tbs_certificate.subject_public_key_info {
        return Err(SignError::Certificate(
            "la clé ne correspond pas au certificat du cabinet".into(),
        ));
    }
    Ok(FirmSigner { key, cert, chain })
}

/// A certificate bought from a certification authority, read from its `.p12` with the file's
/// password: its certificate and chain (PEM) and its key encrypted with `passphrase` (PKCS#8
/// PBES2, PEM), as `create_self_signed` returns them. The certificate must be valid at `now`.
pub fn import_p12(
    p12: &[u8],
    password: &str,
    passphrase: &str,
    now: DateTime<Utc>,
) -> Result<(String, String), SignError> {
    check_passphrase(passphrase)?;
    let contents = p12::read(p12, password)?;
    let key = FirmKey::from_pkcs8_der(contents.key.as_bytes())?;
    let signer = FirmSigner {
        key,
        cert: contents.cert,
        chain: contents.chain,
    };
    signer.check_valid(now)?;
    let c = |e: &dyn std::fmt::Display| SignError::Certificate(e.to_string());
    let mut cert_pem = String::new();
    for cert in std::iter::once(&signer.cert).chain(&signer.chain) {
        cert_pem.push_str(&cert.to_pem(der::pem::LineEnding::LF).map_err(|e| c(&e))?);
    }
    let key_pem = PrivateKeyInfo::try_from(contents.key.as_bytes())
        .map_err(|e| c(&e))?
        .encrypt(rand_core::OsRng, passphrase)
        .map_err(|e| c(&e))?
        .to_pem("ENCRYPTED PRIVATE KEY", der::pem::LineEnding::LF)
        .map_err(|e| c(&e))?;
    Ok((cert_pem, key_pem.to_string()))
}

/// What the user sees of a certificate.
pub fn info(cert_pem: &str) -> Result<CertificateInfo, SignError> {
    let (cert, _) = read_chain(cert_pem)?;
    let key = key_description(&cert.tbs_certificate.subject_public_key_info);
    Ok(cert_info(&cert, key))
}

/// The algorithm of a certificate's public key, in words.
fn key_description(spki: &SubjectPublicKeyInfoOwned) -> String {
    match spki.algorithm.oid {
        RSA_ENCRYPTION => rsa::RsaPublicKey::try_from(spki.owned_to_ref())
            .map(|k| format!("RSA {}", rsa::traits::PublicKeyParts::size(&k) * 8))
            .unwrap_or_else(|_| "RSA".into()),
        EC_PUBLIC_KEY => "ECDSA P-256".into(),
        other => other.to_string(),
    }
}

/// A distinguished name as people read it: the common name first, the country last, whatever
/// order the authority encoded it in.
fn readable_name(name: &Name) -> String {
    let rank = |rdn: &String| match rdn.split('=').next().unwrap_or_default() {
        "CN" => 0,
        "OU" => 1,
        "O" => 2,
        "C" => 9,
        _ => 5,
    };
    let mut parts: Vec<String> = name.0.iter().map(|rdn| rdn.to_string()).collect();
    parts.sort_by_key(rank);
    parts.join(", ")
}

fn cert_info(cert: &Certificate, key: String) -> CertificateInfo {
    let tbs = &cert.tbs_certificate;
    CertificateInfo {
        subject: readable_name(&tbs.subject),
        issuer: readable_name(&tbs.issuer),
        self_signed: tbs.subject == tbs.issuer,
        not_before: tbs.validity.not_before.to_string(),
        not_after: tbs.validity.not_after.to_string(),
        fingerprint: hex(&Sha256::digest(cert.to_der().unwrap_or_default())),
        key,
        revoked_on: None,
    }
}

/// True when the certificate described is not valid at `at` (expired, or not yet valid).
pub fn not_valid_at(info: &CertificateInfo, at: DateTime<Utc>) -> bool {
    let parse = |t: &str| DateTime::parse_from_rfc3339(t).map(|d| d.with_timezone(&Utc));
    match (parse(&info.not_before), parse(&info.not_after)) {
        (Ok(from), Ok(to)) => at < from || at > to,
        _ => false,
    }
}

impl FirmSigner {
    pub fn info(&self) -> CertificateInfo {
        cert_info(&self.cert, self.key.describe())
    }

    /// Refuse a certificate that is not valid at `at`.
    pub fn check_valid(&self, at: DateTime<Utc>) -> Result<(), SignError> {
        let v = &self.cert.tbs_certificate.validity;
        let secs = |t: &x509_cert::time::Time| t.to_unix_duration().as_secs() as i64;
        let now = at.timestamp();
        if now < secs(&v.not_before) {
            return Err(SignError::Certificate(format!(
                "le certificat du cabinet n'est valable qu'à partir du {}",
                v.not_before
            )));
        }
        if now > secs(&v.not_after) {
            return Err(SignError::Certificate(format!(
                "le certificat du cabinet a expiré le {} : créez ou importez-en un nouveau",
                v.not_after
            )));
        }
        Ok(())
    }

    /// The PDF signed: an incremental update adding an invisible signature field on the
    /// first page and its signature dictionary, `/Contents` the CMS signature over the bytes
    /// `/ByteRange` names (the whole file but the signature itself).
    pub fn sign_pdf(
        &self,
        pdf: &[u8],
        at: DateTime<Utc>,
        reason: &str,
    ) -> Result<Vec<u8>, SignError> {
        self.check_valid(at)?;
        let err = |e: lopdf::Error| SignError::Pdf(e.to_string());
        let prev = lopdf::Document::load_mem(pdf).map_err(err)?;
        let catalog_id = prev
            .trailer
            .get(b"Root")
            .and_then(Object::as_reference)
            .map_err(err)?;
        let page_id = *prev
            .get_pages()
            .get(&1)
            .ok_or_else(|| SignError::Pdf("aucune page".into()))?;
        let mut doc = IncrementalDocument::create_from(pdf.to_vec(), prev);
        let sig_id = doc.new_document.new_object_id();
        let signer_name = readable_name(&self.cert.tbs_certificate.subject);
        let sig = dictionary! {
            "Type" => "Sig",
            "Filter" => "Adobe.PPKLite",
            "SubFilter" => "ETSI.CAdES.detached",
            "ByteRange" => vec![
                Object::Integer(0),
                Object::Integer(9_999_999_999),
                Object::Integer(9_999_999_999),
                Object::Integer(9_999_999_999),
            ],
            "Contents" => Object::String(vec![0u8; PLACEHOLDER], StringFormat::Hexadecimal),
            "M" => Object::string_literal(at.format("D:%Y%m%d%H%M%SZ").to_string()),
            "Name" => Object::String(utf16_text(&signer_name), StringFormat::Literal),
            "Reason" => Object::String(utf16_text(reason), StringFormat::Literal),
        };
        doc.new_document
            .objects
            .insert(sig_id, Object::Dictionary(sig));
        let field_id = doc.new_document.new_object_id();
        let field = dictionary! {
            "Type" => "Annot",
            "Subtype" => "Widget",
            "FT" => "Sig",
            "T" => Object::string_literal("Signature du cabinet"),
            "V" => Object::Reference(sig_id),
            "F" => 132,
            "Rect" => vec![0.into(), 0.into(), 0.into(), 0.into()],
            "P" => Object::Reference(page_id),
        };
        doc.new_document
            .objects
            .insert(field_id, Object::Dictionary(field));
        doc.opt_clone_object_to_new_document(page_id).map_err(err)?;
        {
            let page = doc
                .new_document
                .get_object_mut(page_id)
                .and_then(Object::as_dict_mut)
                .map_err(err)?;
            let mut annots = match page.get(b"Annots") {
                Ok(Object::Array(a)) => a.clone(),
                _ => Vec::new(),
            };
            annots.push(Object::Reference(field_id));
            page.set("Annots", annots);
        }
        doc.opt_clone_object_to_new_document(catalog_id)
            .map_err(err)?;
        doc.new_document
            .get_object_mut(catalog_id)
            .and_then(Object::as_dict_mut)
            .map_err(err)?
            .set(
                "AcroForm",
                dictionary! { "Fields" => vec![Object::Reference(field_id)], "SigFlags" => 3 },
            );
        let mut out = Vec::with_capacity(pdf.len() + PLACEHOLDER * 2 + 2048);
        doc.save_to(&mut out)
            .map_err(|e| SignError::Pdf(e.to_string()))?;

        // The ranges signed: everything but the hex string of /Contents.
        let find = |hay: &[u8], needle: &[u8], from: usize| {
            hay.get(from..)?
                .windows(needle.len())
                .position(|w| w == needle)
                .map(|p| p + from)
        };
        let missing = || SignError::Pdf("emplacement de la signature introuvable".into());
        let zeros = vec![b'0'; PLACEHOLDER * 2];
        let lt = find(&out, &zeros, pdf.len()).ok_or_else(missing)? - 1;
        let gt = lt + 1 + zeros.len();
        if out.get(lt) != Some(&b'<') || out.get(gt) != Some(&b'>') {
            return Err(missing());
        }
        let br = find(&out, b"/ByteRange", pdf.len()).ok_or_else(missing)?;
        let open = find(&out, b"[", br).ok_or_else(missing)?;
        let close = find(&out, b"]", open).ok_or_else(missing)?;
        let ranges = format!("0 {} {} {}", lt, gt + 1, out.len() - (gt + 1));
        let width = close - open - 1;
        if ranges.len() > width {
            return Err(missing());
        }
        out[open + 1..close].copy_from_slice(format!("{ranges:<width$}").as_bytes());
        let mut h = Sha256::new();
        h.update(&out[..lt]);
        h.update(&out[gt + 1..]);
        let digest = h.finalize();

        let cms = self.cms(&digest)?;
        if cms.len() > PLACEHOLDER {
            return Err(SignError::Pdf("signature trop longue".into()));
        }
        let hex: String = cms.iter().map(|b| format!("{b:02X}")).collect();
        out[lt + 1..lt + 1 + hex.len()].copy_from_slice(hex.as_bytes());
        Ok(out)
    }

    /// The CMS SignedData (detached) over `digest`, with the ESS signing-certificate-v2
    /// attribute PAdES B-B asks for and no signing-time attribute (the time is `/M`).
    fn cms(&self, digest: &[u8]) -> Result<Vec<u8>, SignError> {
        fn e(e: impl std::fmt::Display) -> SignError {
            SignError::Pdf(format!("signature CMS : {e}"))
        }
        let cert_der = self.cert.to_der().map_err(e)?;
        let cert_hash = OctetString::new(Sha256::digest(&cert_der).to_vec()).map_err(e)?;
        // SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 }
        // ESSCertIDv2 ::= SEQUENCE { certHash OCTET STRING } (hashAlgorithm: SHA-256 default)
        let ess = der_sequence(&der_sequence(&der_sequence(
            &cert_hash.to_der().map_err(e)?,
        )));
        let mut values = SetOfVec::new();
        values
            .insert(der::asn1::Any::from_der(&ess).map_err(e)?)
            .map_err(e)?;
        let attribute = x509_cert::attr::Attribute {
            oid: const_oid::ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.16.2.47"),
            values,
        };
        let eci = EncapsulatedContentInfo {
            econtent_type: const_oid::db::rfc5911::ID_DATA,
            econtent: None,
        };
        let sha256 = x509_cert::spki::AlgorithmIdentifierOwned {
            oid: const_oid::db::rfc5912::ID_SHA_256,
            parameters: None,
        };
        let sid = SignerIdentifier::IssuerAndSerialNumber(IssuerAndSerialNumber {
            issuer: self.cert.tbs_certificate.issuer.clone(),
            serial_number: self.cert.tbs_certificate.serial_number.clone(),
        });
        match &self.key {
            FirmKey::P256(key) => {
                self.signed_data::<_, DerSignature>(key, sid, sha256, &eci, digest, attribute)
            }
            FirmKey::Rsa(key, _) => self.signed_data::<_, rsa::pkcs1v15::Signature>(
                key.as_ref(),
                sid,
                sha256,
                &eci,
                digest,
                attribute,
            ),
        }
    }

    /// The SignedData with one signer (the firm's key), the firm's certificate and its chain.
    fn signed_data<S, Sig>(
        &self,
        key: &S,
        sid: SignerIdentifier,
        digest_algorithm: x509_cert::spki::AlgorithmIdentifierOwned,
        eci: &EncapsulatedContentInfo,
        digest: &[u8],
        attribute: x509_cert::attr::Attribute,
    ) -> Result<Vec<u8>, SignError>
    where
        S: Keypair + DynSignatureAlgorithmIdentifier + Signer<Sig>,
        S::VerifyingKey: EncodePublicKey,
        Sig: SignatureBitStringEncoding,
    {
        fn e(e: impl std::fmt::Display) -> SignError {
            SignError::Pdf(format!("signature CMS : {e}"))
        }
        let mut signer =
            SignerInfoBuilder::new(key, sid, digest_algorithm.clone(), eci, Some(digest))
                .map_err(e)?;
        signer.add_signed_attribute(attribute).map_err(e)?;
        let mut builder = SignedDataBuilder::new(eci);
        builder
            .add_digest_algorithm(digest_algorithm)
            .map_err(e)?
            .add_certificate(CertificateChoices::Certificate(self.cert.clone()))
            .map_err(e)?;
        for cert in &self.chain {
            builder
                .add_certificate(CertificateChoices::Certificate(cert.clone()))
                .map_err(e)?;
        }
        let signed = builder
            .add_signer_info::<S, Sig>(signer)
            .map_err(e)?
            .build()
            .map_err(e)?;
        signed.to_der().map_err(e)
    }
}

/// A PDF text string in UTF-16BE with its byte order mark (accents kept).
fn utf16_text(s: &str) -> Vec<u8> {
    let mut out = vec![0xFE, 0xFF];
    for u in s.encode_utf16() {
        out.extend_from_slice(&u.to_be_bytes());
    }
    out
}

/// A DER SEQUENCE around already encoded content.
fn der_sequence(inner: &[u8]) -> Vec<u8> {
    let n = inner.len();
    let mut v = vec![0x30];
    if n < 0x80 {
        v.push(n as u8);
    } else if n < 0x100 {
        v.extend([0x81, n as u8]);
    } else {
        v.extend([0x82, (n >> 8) as u8, n as u8]);
    }
    v.extend_from_slice(inner);
    v
}
