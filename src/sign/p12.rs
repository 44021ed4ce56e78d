//! A PKCS#12 file (`.p12`, `.pfx`), as certification authorities deliver a certificate with its
//! key: the file's integrity checked with its password (the MAC), then its bags read: the
//! certificates, and the private key, shrouded (encrypted) or not.
//!
//! Encryptions read: PBES2 (PBKDF2 with AES-CBC: OpenSSL 3, Windows "AES256-SHA256") and the
//! legacy PKCS#12 schemes Windows and OpenSSL 1.x still write (SHA-1 with 3DES, or 40-bit RC2
//! for the certificates).

use super::SignError;
use cbc::cipher::block_padding::Pkcs7;
use cbc::cipher::{BlockDecryptMut, InnerIvInit, KeyIvInit};
use cms::encrypted_data::EncryptedData;
use const_oid::db::rfc5911::{ID_DATA, ID_ENCRYPTED_DATA};
use const_oid::ObjectIdentifier;
use der::asn1::{ContextSpecific, OctetString};
use der::{Decode, Encode};
use hmac::{Hmac, Mac};
use pkcs12::kdf::{derive_key_utf8, Pkcs12KeyType};
use pkcs12::pbe_params::{EncryptedPrivateKeyInfo, Pkcs12PbeParams};
use x509_cert::spki::AlgorithmIdentifierOwned;
use x509_cert::Certificate;

/// What a `.p12` holds for the firm: its key (PKCS#8 DER), the certificate of that key, and
/// the other certificates (the authority's chain), the issuer of each following it.
pub struct Contents {
    pub key: der::SecretDocument,
    pub cert: Certificate,
    pub chain: Vec<Certificate>,
}

const PBES2: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.5.13");
const X509_CERTIFICATE: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.22.1");
const SHA1: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.3.14.3.2.26");

fn unreadable(why: impl std::fmt::Display) -> SignError {
    SignError::Certificate(format!(
        "le fichier n'est pas un certificat .p12 (ou .pfx) lisible : {why}"
    ))
}

fn wrong_password() -> SignError {
    SignError::Certificate("mot de passe du fichier .p12 incorrect".into())
}

/// The key and certificates of a `.p12`, opened with its password.
pub fn read(bytes: &[u8], password: &str) -> Result<Contents, SignError> {
    let pfx = pkcs12::pfx::Pfx::from_der(bytes).map_err(unreadable)?;
    if pfx.auth_safe.content_type != ID_DATA {
        return Err(unreadable(
            "fichier protégé par une clé publique et non par un mot de passe",
        ));
    }
    let data = OctetString::from_der(&pfx.auth_safe.content.to_der().map_err(unreadable)?)
        .map_err(unreadable)?;
    if let Some(mac) = &pfx.mac_data {
        check_mac(mac, data.as_bytes(), password)?;
    }
    let safes = pkcs12::authenticated_safe::AuthenticatedSafe::from_der(data.as_bytes())
        .map_err(unreadable)?;
    let mut keys = Vec::new();
    let mut certs = Vec::new();
    for safe in safes {
        let content = safe.content.to_der().map_err(unreadable)?;
        let contents = if safe.content_type == ID_DATA {
            OctetString::from_der(&content)
                .map_err(unreadable)?
                .into_bytes()
        } else if safe.content_type == ID_ENCRYPTED_DATA {
            let encrypted = EncryptedData::from_der(&content).map_err(unreadable)?;
            let info = encrypted.enc_content_info;
            let ciphertext = info
                .encrypted_content
                .ok_or_else(|| unreadable("contenu chiffré absent"))?;
            decrypt(&info.content_enc_alg, ciphertext.as_bytes(), password)?
        } else {
            continue;
        };
        let bags = pkcs12::safe_bag::SafeContents::from_der(&contents).map_err(unreadable)?;
        for bag in bags {
            match bag.bag_id {
                pkcs12::PKCS_12_CERT_BAG_OID => {
                    let bag: ContextSpecific<pkcs12::cert_type::CertBag> =
                        ContextSpecific::from_der(&bag.bag_value).map_err(unreadable)?;
                    if bag.value.cert_id == X509_CERTIFICATE {
                        certs.push(
                            Certificate::from_der(bag.value.cert_value.as_bytes())
                                .map_err(unreadable)?,
                        );
                    }
                }
                pkcs12::PKCS_12_PKCS8_KEY_BAG_OID => {
                    let bag: ContextSpecific<EncryptedPrivateKeyInfo> =
                        ContextSpecific::from_der(&bag.bag_value).map_err(unreadable)?;
                    let key = decrypt(
                        &bag.value.encryption_algorithm,
                        bag.value.encrypted_data.as_bytes(),
                        password,
                    )?;
                    keys.push(der::SecretDocument::try_from(key).map_err(unreadable)?);
                }
                pkcs12::PKCS_12_KEY_BAG_OID => {
                    let bag: ContextSpecific<der::Any> =
                        ContextSpecific::from_der(&bag.bag_value).map_err(unreadable)?;
                    let key = bag.value.to_der().map_err(unreadable)?;
                    keys.push(der::SecretDocument::try_from(key).map_err(unreadable)?);
                }
                _ => {}
            }
        }
    }
    if keys.is_empty() {
        return Err(SignError::Certificate(
            "le fichier .p12 ne contient pas de clé privée : exportez le certificat avec sa \
             clé privée"
                .into(),
        ));
    }
    for key in keys {
        let public = super::FirmKey::from_pkcs8_der(key.as_bytes())?.public_key_info()?;
        if let Some(at) = certs
            .iter()
            .position(|c| c.tbs_certificate.subject_public_key_info == public)
        {
            let cert = certs.remove(at);
            let chain = issuers_of(&cert, certs);
            return Ok(Contents { key, cert, chain });
        }
    }
    Err(SignError::Certificate(
        "le fichier .p12 ne contient pas le certificat de sa clé privée".into(),
    ))
}

/// The certificates in order from `cert`'s issuer up to the root, as far as they are present.
fn issuers_of(cert: &Certificate, mut others: Vec<Certificate>) -> Vec<Certificate> {
    let mut chain = Vec::new();
    let mut current = cert.clone();
    while current.tbs_certificate.issuer != current.tbs_certificate.subject {
        let Some(at) = others
            .iter()
            .position(|c| c.tbs_certificate.subject == current.tbs_certificate.issuer)
        else {
            break;
        };
        current = others.remove(at);
        chain.push(current.clone());
    }
    chain
}

/// The file's MAC, an HMAC keyed from the password by the PKCS#12 derivation: a mismatch is a
/// wrong password (or a damaged file).
fn check_mac(
    mac: &pkcs12::mac_data::MacData,
    data: &[u8],
    password: &str,
) -> Result<(), SignError> {
    let salt = mac.mac_salt.as_bytes();
    let rounds = mac.iterations;
    let expected = mac.mac.digest.as_bytes();
    let ok = match mac.mac.algorithm.oid {
        SHA1 => {
            let key = derive_key_utf8::<sha1::Sha1>(password, salt, Pkcs12KeyType::Mac, rounds, 20)
                .map_err(unreadable)?;
            let mut h = <Hmac<sha1::Sha1> as Mac>::new_from_slice(&key).map_err(unreadable)?;
            h.update(data);
            h.verify_slice(expected).is_ok()
        }
        const_oid::db::rfc5912::ID_SHA_256 => {
            let key =
                derive_key_utf8::<sha2::Sha256>(password, salt, Pkcs12KeyType::Mac, rounds, 32)
                    .map_err(unreadable)?;
            let mut h = <Hmac<sha2::Sha256> as Mac>::new_from_slice(&key).map_err(unreadable)?;
            h.update(data);
            h.verify_slice(expected).is_ok()
        }
        other => {
            return Err(unreadable(format!(
                "empreinte d'intégrité {other} non prise en charge"
            )))
        }
    };
    if ok {
        Ok(())
    } else {
        Err(wrong_password())
    }
}

/// Decrypt a bag or a safe with the password, after its algorithm.
fn decrypt(
    alg: &AlgorithmIdentifierOwned,
    ciphertext: &[u8],
    password: &str,
) -> Result<Vec<u8>, SignError> {
    let params = alg
        .parameters
        .as_ref()
        .ok_or_else(|| unreadable("paramètres de chiffrement absents"))?
        .to_der()
        .map_err(unreadable)?;
    if alg.oid == PBES2 {
        let params = pkcs5::pbes2::Parameters::from_der(&params).map_err(unreadable)?;
        return pkcs5::EncryptionScheme::from(params)
            .decrypt(password, ciphertext)
            .map_err(|_| wrong_password());
    }
    let pbe = Pkcs12PbeParams::from_der(&params).map_err(unreadable)?;
    let derive = |kind, len| {
        derive_key_utf8::<sha1::Sha1>(password, pbe.salt.as_bytes(), kind, pbe.iterations, len)
            .map_err(unreadable)
    };
    match alg.oid {
        pkcs12::PKCS_12_PBE_WITH_SHAAND3_KEY_TRIPLE_DES_CBC => {
            let key = derive(Pkcs12KeyType::EncryptionKey, 24)?;
            let iv = derive(Pkcs12KeyType::Iv, 8)?;
            cbc::Decryptor::<des::TdesEde3>::new_from_slices(&key, &iv)
                .map_err(unreadable)?
                .decrypt_padded_vec_mut::<Pkcs7>(ciphertext)
                .map_err(|_| wrong_password())
        }
        pkcs12::PKCS_12_PBEWITH_SHAAND40_BIT_RC2_CBC
        | pkcs12::PKCS_12_PBE_WITH_SHAAND128_BIT_RC2_CBC => {
            let bytes = if alg.oid == pkcs12::PKCS_12_PBEWITH_SHAAND40_BIT_RC2_CBC {
                5
            } else {
                16
            };
            let key = derive(Pkcs12KeyType::EncryptionKey, bytes)?;
            let iv = derive(Pkcs12KeyType::Iv, 8)?;
            let cipher = rc2::Rc2::new_with_eff_key_len(&key, bytes * 8);
            cbc::Decryptor::<rc2::Rc2>::inner_iv_slice_init(cipher, &iv)
                .map_err(unreadable)?
                .decrypt_padded_vec_mut::<Pkcs7>(ciphertext)
                .map_err(|_| wrong_password())
        }
        other => Err(unreadable(format!(
            "chiffrement {other} non pris en charge"
        ))),
    }
}
