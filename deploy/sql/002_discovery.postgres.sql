-- Contact points of the `postgres` discovery method (src/PositionManager.Persistence/Discovery): every
-- node upserts its Akka.Management endpoint here and refreshes last_heartbeat; Cluster Bootstrap
-- probes only the rows fresher than a TTL, so a killed node ages out and a stopped one deletes its
-- row. Idempotent: a node runs this same file at start (under an advisory lock) when the table is
-- missing, so operators may run it by hand first or leave it to the nodes.

CREATE TABLE IF NOT EXISTS discovery_contact_points (
    service_name text NOT NULL,
    host text NOT NULL,
    port integer NOT NULL CHECK (port BETWEEN 1 AND 65535),
    -- The database's clock, never a node's: freshness is compared against now() on the same server,
    -- so clock skew between nodes cannot make a live node look dead or a dead one alive.
    last_heartbeat timestamptz NOT NULL,
    PRIMARY KEY (service_name, host, port)
);
