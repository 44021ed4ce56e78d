-- The firm's register on PostgreSQL, schema 1. Created by `reclam server init` as the
-- server's administrator, who owns every object here. Members (one PostgreSQL login each)
-- hold no right on any table: they call the functions below, which run with the owner's
-- rights and decide, from the connection's own login, who is acting and what they may do.
-- Placeholders replaced at creation: @member@, @advisor@, @supervisor@, @manager@ (the
-- firm's PostgreSQL group roles).

CREATE SCHEMA reclam;
REVOKE ALL ON SCHEMA reclam FROM PUBLIC;

CREATE TABLE reclam.meta (
    key   text PRIMARY KEY,
    value text NOT NULL
);

CREATE TABLE reclam.members (
    login  text PRIMARY KEY,
    name   text NOT NULL UNIQUE,
    role   text NOT NULL CHECK (role IN ('advisor', 'supervisor', 'manager')),
    active boolean NOT NULL DEFAULT true
);

-- The firm's journal: one chain, ordered here whatever the number of writers.
CREATE TABLE reclam.events (
    seq         bigint PRIMARY KEY,
    op_id       text NOT NULL UNIQUE,
    device      text NOT NULL,
    device_seq  bigint NOT NULL,
    author      text NOT NULL,
    acted_at    text NOT NULL,
    acted_on    text NOT NULL,
    based_on    bigint NOT NULL,
    received_at text NOT NULL,
    kind        text NOT NULL,
    reference   text,
    payload     text NOT NULL,
    prev_hash   text NOT NULL,
    hash        text NOT NULL,
    UNIQUE (device, device_seq)
);

CREATE TABLE reclam.head (
    one  boolean PRIMARY KEY DEFAULT true CHECK (one),
    seq  bigint NOT NULL,
    hash text NOT NULL
);
INSERT INTO reclam.head VALUES (true, 0, repeat('0', 64));

CREATE TABLE reclam.ref_counters (
    year int PRIMARY KEY,
    last int NOT NULL
);

CREATE TABLE reclam.leases (
    device    text NOT NULL,
    year      int NOT NULL,
    first     int NOT NULL,
    last      int NOT NULL,
    leased_by text NOT NULL,
    leased_at timestamptz NOT NULL DEFAULT now()
);

-- What is recorded is never changed nor removed, not even by the owner by mistake.
CREATE FUNCTION reclam.frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'le journal du cabinet ne se modifie pas et ne s''efface pas'
        USING ERRCODE = '42501';
END $$;
CREATE TRIGGER events_frozen BEFORE UPDATE OR DELETE OR TRUNCATE ON reclam.events
    FOR EACH STATEMENT EXECUTE FUNCTION reclam.frozen();

-- The acting member: the connection's login, active.
CREATE FUNCTION reclam.acting() RETURNS reclam.members
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = reclam, pg_temp AS $$
#variable_conflict use_column
DECLARE m reclam.members;
BEGIN
    SELECT * INTO m FROM reclam.members WHERE login = session_user;
    IF NOT FOUND THEN
        RAISE EXCEPTION '« % » n''est pas membre du registre du cabinet', session_user
            USING ERRCODE = '42501';
    END IF;
    IF NOT m.active THEN
        RAISE EXCEPTION '% est désactivé(e) : seul un dirigeant peut le (la) réactiver', m.name
            USING ERRCODE = '42501';
    END IF;
    RETURN m;
END $$;

-- The firm role of the connection, from PostgreSQL's own role membership.
CREATE FUNCTION reclam.role_of(login text) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = reclam, pg_temp AS $$
    SELECT CASE
        WHEN pg_has_role(login, '@manager@', 'MEMBER') THEN 'manager'
        WHEN pg_has_role(login, '@supervisor@', 'MEMBER') THEN 'supervisor'
        WHEN pg_has_role(login, '@advisor@', 'MEMBER') THEN 'advisor'
        ELSE 'none' END
$$;

-- Who may append which change: the firm's settings, people and templates are a manager's;
-- an approval is decided by a supervisor or a manager; the rest by any active member.
CREATE FUNCTION reclam.check_right(p_kind text) RETURNS void
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = reclam, pg_temp AS $$
#variable_conflict use_column
DECLARE r text := reclam.role_of(session_user);
BEGIN
    IF p_kind IN ('setSetting', 'addUser', 'editUser', 'setUserActive', 'setTemplate', 'setLogo')
       AND r <> 'manager' THEN
        RAISE EXCEPTION 'seul un dirigeant peut faire ce changement (%)', p_kind
            USING ERRCODE = '42501';
    END IF;
    IF p_kind IN ('decideApproval', 'resolveConflict') AND r NOT IN ('supervisor', 'manager') THEN
        RAISE EXCEPTION 'seul un superviseur ou un dirigeant peut faire ce changement (%)', p_kind
            USING ERRCODE = '42501';
    END IF;
    IF p_kind = 'adoptRegister' THEN
        IF r <> 'manager' THEN
            RAISE EXCEPTION 'seul un dirigeant peut reprendre un registre sur le serveur'
                USING ERRCODE = '42501';
        END IF;
        IF (SELECT count(*) FROM reclam.members) > 1 THEN
            RAISE EXCEPTION 'le registre se reprend avant d''ajouter les autres membres du cabinet (ils viennent ensuite)'
                USING ERRCODE = '42501';
        END IF;
        IF EXISTS (SELECT 1 FROM reclam.events WHERE kind NOT IN ('addUser', 'passwordSet')) THEN
            RAISE EXCEPTION 'le registre du cabinet contient déjà des réclamations ou des réglages : un registre ne se reprend que sur un serveur neuf'
                USING ERRCODE = '42501';
        END IF;
    END IF;
    IF r = 'none' THEN
        RAISE EXCEPTION '« % » n''a aucun rôle dans le cabinet', session_user
            USING ERRCODE = '42501';
    END IF;
END $$;

-- The link of the chain: SHA-256 of the fields, one per line, the payload (compact JSON,
-- hence without a line break) last.
CREATE FUNCTION reclam.link(prev text, seq bigint, op_id text, device text, device_seq bigint,
    author text, acted_at text, acted_on text, based_on bigint, received_at text, kind text,
    reference text, payload text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
    SELECT encode(sha256(convert_to(concat_ws(E'\n', 'reclam-1', prev, seq::text, op_id, device,
        device_seq::text, author, acted_at, acted_on, based_on::text, received_at, kind,
        coalesce(reference, ''), payload), 'UTF8')), 'hex')
$$;

-- Append one change, as the connection's member (inside the schema's functions only). A change
-- already appended (same op_id) is not appended again: its place is returned ('duplicate').
-- With p_expected, nothing is appended unless the journal still ends there ('behind': pull
-- first).
CREATE FUNCTION reclam.append_as(p_op_id text, p_device text, p_device_seq bigint,
    p_acted_at text, p_acted_on text, p_based_on bigint, p_kind text, p_reference text,
    p_payload text, p_expected bigint)
RETURNS TABLE (seq bigint, hash text, outcome text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = reclam, pg_temp AS $$
#variable_conflict use_column
DECLARE
    m reclam.members := reclam.acting();
    h reclam.head;
    e reclam.events;
    v_received text;
    v_hash text;
BEGIN
    PERFORM reclam.check_right(p_kind);
    SELECT * INTO h FROM reclam.head FOR UPDATE;
    SELECT * INTO e FROM reclam.events WHERE events.op_id = p_op_id;
    IF FOUND THEN
        RETURN QUERY SELECT e.seq, e.hash, 'duplicate'::text;
        RETURN;
    END IF;
    IF p_expected IS NOT NULL AND h.seq <> p_expected THEN
        RETURN QUERY SELECT h.seq, h.hash, 'behind'::text;
        RETURN;
    END IF;
    v_received := to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
    v_hash := reclam.link(h.hash, h.seq + 1, p_op_id, p_device, p_device_seq, m.name,
        p_acted_at, p_acted_on, p_based_on, v_received, p_kind, p_reference, p_payload);
    INSERT INTO reclam.events VALUES (h.seq + 1, p_op_id, p_device, p_device_seq, m.name,
        p_acted_at, p_acted_on, p_based_on, v_received, p_kind, p_reference, p_payload,
        h.hash, v_hash);
    UPDATE reclam.head SET seq = h.seq + 1, hash = v_hash;
    RETURN QUERY SELECT h.seq + 1, v_hash, 'appended'::text;
END $$;

-- What a member's workstation appends: the change's kind must be the one its payload carries
-- (the rights are decided on the kind), its dates well formed, its size reasonable (a register
-- taken over, once, may be larger); the
-- firm's people change only through their own functions below.
CREATE FUNCTION reclam.append(p_op_id text, p_device text, p_device_seq bigint,
    p_acted_at text, p_acted_on text, p_based_on bigint, p_kind text, p_reference text,
    p_payload text, p_expected bigint)
RETURNS TABLE (seq bigint, hash text, outcome text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = reclam, pg_temp AS $$
#variable_conflict use_column
BEGIN
    IF p_kind IN ('addUser', 'editUser', 'setUserActive', 'passwordSet') THEN
        RAISE EXCEPTION 'les membres du cabinet se changent par leurs propres fonctions (%)', p_kind
            USING ERRCODE = '42501';
    END IF;
    IF octet_length(p_payload) > 50000000 AND p_kind <> 'adoptRegister' THEN
        RAISE EXCEPTION 'changement trop volumineux (% octets, 50 Mo au plus)', octet_length(p_payload)
            USING ERRCODE = '54000';
    END IF;
    IF p_acted_at !~ '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$'
       OR p_acted_on !~ '^\d{4}-\d{2}-\d{2}$' THEN
        RAISE EXCEPTION 'date du changement mal formée' USING ERRCODE = '22007';
    END IF;
    -- (A register taken over is checked by its kind's rights above; it may be too large for
    -- jsonb, and every workstation checks again that it carries what it announces.)
    IF p_kind <> 'adoptRegister' AND p_payload::jsonb ->> 'op' IS DISTINCT FROM p_kind THEN
        RAISE EXCEPTION 'le changement annoncé (%) n''est pas celui qu''il porte', p_kind
            USING ERRCODE = '42501';
    END IF;
    RETURN QUERY SELECT * FROM reclam.append_as(p_op_id, p_device, p_device_seq, p_acted_at,
        p_acted_on, p_based_on, p_kind, p_reference, p_payload, p_expected);
END $$;

-- The first manager's own first change: they are a user of the firm's register (the journal's
-- first event, once).
CREATE FUNCTION reclam.begin(p_op_id text, p_device text, p_acted_at text, p_acted_on text,
    p_payload text)
RETURNS TABLE (seq bigint, hash text, outcome text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = reclam, pg_temp AS $$
#variable_conflict use_column
BEGIN
    IF reclam.role_of(session_user) <> 'manager' THEN
        RAISE EXCEPTION 'seul le premier dirigeant ouvre le journal du cabinet' USING ERRCODE = '42501';
    END IF;
    IF EXISTS (SELECT 1 FROM reclam.events e WHERE e.op_id = p_op_id) THEN
        RETURN QUERY SELECT e.seq, e.hash, 'duplicate'::text FROM reclam.events e
            WHERE e.op_id = p_op_id;
        RETURN;
    END IF;
    IF EXISTS (SELECT 1 FROM reclam.events) OR p_payload::jsonb ->> 'op' <> 'addUser' THEN
        RAISE EXCEPTION 'le journal du cabinet est déjà ouvert' USING ERRCODE = '42501';
    END IF;
    RETURN QUERY SELECT * FROM reclam.append_as(p_op_id, p_device, 1, p_acted_at, p_acted_on, 0,
        'addUser', NULL, p_payload, 0);
END $$;

-- The journal after a position, in order.
CREATE FUNCTION reclam.pull(p_after bigint, p_limit int)
RETURNS SETOF reclam.events
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = reclam, pg_temp AS $$
#variable_conflict use_column
BEGIN
    PERFORM reclam.acting();
    RETURN QUERY SELECT * FROM reclam.events WHERE events.seq > p_after
        ORDER BY events.seq LIMIT p_limit;
END $$;

-- The chain's head, the schema's version and the firm's id, and who is connected.
CREATE FUNCTION reclam.hello()
RETURNS TABLE (seq bigint, hash text, schema text, firm text, name text, role text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = reclam, pg_temp AS $$
#variable_conflict use_column
DECLARE m reclam.members := reclam.acting();
BEGIN
    RETURN QUERY SELECT h.seq, h.hash,
        (SELECT value FROM reclam.meta WHERE key = 'schema'),
        (SELECT value FROM reclam.meta WHERE key = 'firm'),
        m.name, reclam.role_of(session_user)
    FROM reclam.head h;
END $$;

-- A block of complaint numbers of a year for one workstation.
CREATE FUNCTION reclam.lease(p_device text, p_year int, p_count int)
RETURNS TABLE (first int, last int)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = reclam, pg_temp AS $$
#variable_conflict use_column
DECLARE
    m reclam.members := reclam.acting();
    v_last int;
BEGIN
    IF p_count < 1 OR p_count > 1000 OR p_year < 1900 OR p_year > 2999 THEN
        RAISE EXCEPTION 'demande de numéros invalide' USING ERRCODE = '22023';
    END IF;
    INSERT INTO reclam.ref_counters AS c VALUES (p_year, p_count)
        ON CONFLICT (year) DO UPDATE SET last = c.last + p_count
        RETURNING c.last INTO v_last;
    INSERT INTO reclam.leases (device, year, first, last, leased_by)
        VALUES (p_device, p_year, v_last - p_count + 1, v_last, m.name);
    RETURN QUERY SELECT v_last - p_count + 1, v_last;
END $$;

-- A register moved to the server keeps its references: the counters never fall behind them.
CREATE FUNCTION reclam.raise_counter(p_year int, p_last int) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = reclam, pg_temp AS $$
#variable_conflict use_column
DECLARE m reclam.members := reclam.acting();
BEGIN
    IF reclam.role_of(session_user) <> 'manager' THEN
        RAISE EXCEPTION 'seul un dirigeant peut reprendre un registre sur le serveur'
            USING ERRCODE = '42501';
    END IF;
    INSERT INTO reclam.ref_counters AS c VALUES (p_year, p_last)
        ON CONFLICT (year) DO UPDATE SET last = greatest(c.last, excluded.last);
END $$;

-- A manager adds a member: their PostgreSQL login, their firm role, and the change in the
-- journal (so that every workstation knows them).
CREATE FUNCTION reclam.add_member(p_login text, p_name text, p_role text, p_password text,
    p_op_id text, p_device text, p_device_seq bigint, p_acted_at text, p_acted_on text,
    p_based_on bigint, p_payload text)
RETURNS TABLE (seq bigint, hash text, outcome text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = reclam, pg_temp AS $$
#variable_conflict use_column
DECLARE m reclam.members := reclam.acting();
BEGIN
    IF reclam.role_of(session_user) <> 'manager' THEN
        RAISE EXCEPTION 'seul un dirigeant peut ajouter un membre' USING ERRCODE = '42501';
    END IF;
    IF EXISTS (SELECT 1 FROM reclam.events WHERE op_id = p_op_id) THEN
        RETURN QUERY SELECT e.seq, e.hash, 'duplicate'::text FROM reclam.events e
            WHERE e.op_id = p_op_id;
        RETURN;
    END IF;
    IF p_role NOT IN ('advisor', 'supervisor', 'manager') THEN
        RAISE EXCEPTION 'rôle inconnu : %', p_role USING ERRCODE = '22023';
    END IF;
    IF p_login !~ '^[a-z][a-z0-9._-]{1,40}$' THEN
        RAISE EXCEPTION 'identifiant « % » invalide (lettres minuscules, chiffres, point, tiret)', p_login
            USING ERRCODE = '22023';
    END IF;
    IF EXISTS (SELECT 1 FROM reclam.members WHERE login = p_login OR lower(name) = lower(p_name)) THEN
        RAISE EXCEPTION '« % » est déjà membre du cabinet', p_name USING ERRCODE = '23505';
    END IF;
    EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE %I', p_login, p_password,
        CASE p_role WHEN 'manager' THEN '@manager@' WHEN 'supervisor' THEN '@supervisor@'
        ELSE '@advisor@' END);
    INSERT INTO reclam.members VALUES (p_login, p_name, p_role, true);
    RETURN QUERY SELECT * FROM reclam.append_as(p_op_id, p_device, p_device_seq, p_acted_at,
        p_acted_on, p_based_on, 'addUser', NULL, p_payload, NULL);
END $$;

-- A manager changes a member's role or deactivates (reactivates) them: their PostgreSQL group
-- role and their right to log in follow, and the change enters the journal. The firm keeps an
-- active manager. A user without a login (from a register moved here) only gets the change.
CREATE FUNCTION reclam.change_member(p_name text, p_role text, p_active boolean, p_kind text,
    p_op_id text, p_device text, p_device_seq bigint, p_acted_at text, p_acted_on text,
    p_based_on bigint, p_payload text)
RETURNS TABLE (seq bigint, hash text, outcome text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = reclam, pg_temp AS $$
#variable_conflict use_column
DECLARE
    me reclam.members := reclam.acting();
    m reclam.members;
    v_group text;
BEGIN
    IF reclam.role_of(session_user) <> 'manager' THEN
        RAISE EXCEPTION 'seul un dirigeant peut modifier un membre' USING ERRCODE = '42501';
    END IF;
    IF p_kind NOT IN ('editUser', 'setUserActive') THEN
        RAISE EXCEPTION 'changement inconnu : %', p_kind USING ERRCODE = '22023';
    END IF;
    IF EXISTS (SELECT 1 FROM reclam.events e WHERE e.op_id = p_op_id) THEN
        RETURN QUERY SELECT e.seq, e.hash, 'duplicate'::text FROM reclam.events e
            WHERE e.op_id = p_op_id;
        RETURN;
    END IF;
    -- One change of the firm's people at a time: "an active manager remains" holds.
    PERFORM 1 FROM reclam.members FOR UPDATE;
    SELECT * INTO m FROM reclam.members WHERE lower(name) = lower(p_name);
    IF FOUND THEN
        IF p_role IS NOT NULL AND p_role NOT IN ('advisor', 'supervisor', 'manager') THEN
            RAISE EXCEPTION 'rôle inconnu : %', p_role USING ERRCODE = '22023';
        END IF;
        IF (p_active IS NOT NULL AND NOT p_active OR p_role IS NOT NULL AND p_role <> 'manager')
           AND m.role = 'manager'
           AND NOT EXISTS (SELECT 1 FROM reclam.members o WHERE o.role = 'manager' AND o.active
                           AND o.login <> m.login) THEN
            RAISE EXCEPTION 'le cabinet doit garder un dirigeant actif' USING ERRCODE = '42501';
        END IF;
        IF p_role IS NOT NULL AND p_role <> m.role THEN
            v_group := CASE m.role WHEN 'manager' THEN '@manager@' WHEN 'supervisor' THEN '@supervisor@'
                ELSE '@advisor@' END;
            EXECUTE format('REVOKE %I FROM %I', v_group, m.login);
            v_group := CASE p_role WHEN 'manager' THEN '@manager@' WHEN 'supervisor' THEN '@supervisor@'
                ELSE '@advisor@' END;
            EXECUTE format('GRANT %I TO %I', v_group, m.login);
            UPDATE reclam.members SET role = p_role WHERE login = m.login;
        END IF;
        IF p_active IS NOT NULL AND p_active <> m.active THEN
            EXECUTE format('ALTER ROLE %I %s', m.login, CASE WHEN p_active THEN 'LOGIN' ELSE 'NOLOGIN' END);
            UPDATE reclam.members SET active = p_active WHERE login = m.login;
        END IF;
    END IF;
    RETURN QUERY SELECT * FROM reclam.append_as(p_op_id, p_device, p_device_seq, p_acted_at,
        p_acted_on, p_based_on, p_kind, NULL, p_payload, NULL);
END $$;

-- A member changes their own password; a manager resets anyone's. The journal records who set
-- whose, never the password.
CREATE FUNCTION reclam.set_password(p_name text, p_password text,
    p_op_id text, p_device text, p_device_seq bigint, p_acted_at text, p_acted_on text,
    p_based_on bigint, p_payload text)
RETURNS TABLE (seq bigint, hash text, outcome text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = reclam, pg_temp AS $$
#variable_conflict use_column
DECLARE
    me reclam.members := reclam.acting();
    m reclam.members;
BEGIN
    SELECT * INTO m FROM reclam.members WHERE lower(name) = lower(p_name);
    IF NOT FOUND THEN
        RAISE EXCEPTION '« % » n''a pas d''identifiant sur le serveur du cabinet', p_name
            USING ERRCODE = '22023';
    END IF;
    IF m.login <> session_user AND reclam.role_of(session_user) <> 'manager' THEN
        RAISE EXCEPTION 'seul un dirigeant peut changer le mot de passe d''un autre membre'
            USING ERRCODE = '42501';
    END IF;
    IF EXISTS (SELECT 1 FROM reclam.events e WHERE e.op_id = p_op_id) THEN
        RETURN QUERY SELECT e.seq, e.hash, 'duplicate'::text FROM reclam.events e
            WHERE e.op_id = p_op_id;
        RETURN;
    END IF;
    EXECUTE format('ALTER ROLE %I PASSWORD %L', m.login, p_password);
    RETURN QUERY SELECT * FROM reclam.append_as(p_op_id, p_device, p_device_seq, p_acted_at,
        p_acted_on, p_based_on, 'passwordSet', NULL, p_payload, NULL);
END $$;

REVOKE ALL ON ALL TABLES IN SCHEMA reclam FROM PUBLIC;
REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA reclam FROM PUBLIC;
GRANT USAGE ON SCHEMA reclam TO @member@;
GRANT EXECUTE ON FUNCTION reclam.append(text, text, bigint, text, text, bigint, text, text, text, bigint),
    reclam.pull(bigint, int), reclam.hello(), reclam.lease(text, int, int),
    reclam.set_password(text, text, text, text, bigint, text, text, bigint, text) TO @member@;
GRANT EXECUTE ON FUNCTION reclam.add_member(text, text, text, text, text, text, bigint, text, text, bigint, text),
    reclam.raise_counter(int, int), reclam.begin(text, text, text, text, text),
    reclam.change_member(text, text, boolean, text, text, text, bigint, text, text, bigint, text)
    TO @manager@;
