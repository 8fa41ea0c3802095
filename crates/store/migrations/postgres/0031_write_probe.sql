-- One row that readiness writes to when the instance's last write failed: it says
-- whether the database takes writes again (a disk that had filled up, a database that
-- was restarted), so that a load balancer sends traffic back without a restart.
CREATE TABLE write_probe (
    id INTEGER PRIMARY KEY,
    at BIGINT NOT NULL
);
