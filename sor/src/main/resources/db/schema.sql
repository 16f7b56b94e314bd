-- Reference data and audit trail of the Pyroscope functions: the whole schema in one file, for operators
-- who apply DDL by hand (psql -f schema.sql). Identical to the Flyway migrations in db/migration (a test checks it).

CREATE TABLE performance_baseline (
    id                BIGSERIAL PRIMARY KEY,
    app_name          VARCHAR(255)     NOT NULL CHECK (length(btrim(app_name)) > 0),
    profile_type      VARCHAR(255)     NOT NULL CHECK (length(btrim(profile_type)) > 0),
    function_name     VARCHAR(2048)    NOT NULL CHECK (length(btrim(function_name)) > 0),
    max_self_percent  DOUBLE PRECISION NOT NULL CHECK (max_self_percent > 0 AND max_self_percent <= 100),
    severity          VARCHAR(16)      NOT NULL DEFAULT 'warning'
                                       CHECK (severity IN ('info', 'warning', 'critical')),
    created_by        VARCHAR(255),
    created_at        TIMESTAMPTZ      NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ      NOT NULL DEFAULT now(),
    CONSTRAINT uq_performance_baseline UNIQUE (app_name, profile_type, function_name)
);

CREATE TABLE triage_history (
    id              BIGSERIAL PRIMARY KEY,
    app_name        VARCHAR(255)  NOT NULL CHECK (length(btrim(app_name)) > 0),
    diagnosis       VARCHAR(64)   NOT NULL CHECK (diagnosis ~ '^[a-z][a-z0-9_]*$'),
    severity        VARCHAR(16)   NOT NULL CHECK (severity IN ('low', 'medium', 'high', 'critical')),
    profile_types   JSONB         NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(profile_types) = 'array'),
    top_functions   JSONB         NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(top_functions) = 'array'),
    recommendation  VARCHAR(4000),
    requested_by    VARCHAR(255),
    request_id      VARCHAR(128)  CHECK (request_id IS NULL OR length(btrim(request_id)) > 0),
    created_at      TIMESTAMPTZ   NOT NULL DEFAULT now(),
    call_sites      JSONB         NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(call_sites) = 'array'),
    CONSTRAINT uq_triage_history_request_id UNIQUE (request_id)
);

CREATE INDEX idx_triage_history_app_created ON triage_history (app_name, created_at DESC, id DESC);

CREATE TABLE service_registry (
    id                    BIGSERIAL PRIMARY KEY,
    app_name              VARCHAR(255) NOT NULL CHECK (length(btrim(app_name)) > 0),
    team_owner            VARCHAR(255),
    tier                  VARCHAR(16)  NOT NULL DEFAULT 'standard'
                                       CHECK (tier IN ('critical', 'high', 'standard', 'low')),
    environment           VARCHAR(64),
    notification_channel  VARCHAR(255),
    pyroscope_labels      JSONB        NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(pyroscope_labels) = 'object'),
    metadata              JSONB        NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(metadata) = 'object'),
    created_at            TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at            TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT uq_service_registry_app_name UNIQUE (app_name)
);

CREATE TABLE alert_rule (
    id                    BIGSERIAL PRIMARY KEY,
    app_name              VARCHAR(255)     NOT NULL CHECK (length(btrim(app_name)) > 0),
    profile_type          VARCHAR(255)     NOT NULL CHECK (length(btrim(profile_type)) > 0),
    function_pattern      VARCHAR(2048),
    threshold_percent     DOUBLE PRECISION NOT NULL CHECK (threshold_percent > 0 AND threshold_percent <= 100),
    severity              VARCHAR(16)      NOT NULL DEFAULT 'warning'
                                           CHECK (severity IN ('info', 'warning', 'critical')),
    notification_channel  VARCHAR(255),
    enabled               BOOLEAN          NOT NULL DEFAULT TRUE,
    created_by            VARCHAR(255),
    created_at            TIMESTAMPTZ      NOT NULL DEFAULT now(),
    updated_at            TIMESTAMPTZ      NOT NULL DEFAULT now()
);

CREATE INDEX idx_alert_rule_app_enabled ON alert_rule (app_name, enabled);
