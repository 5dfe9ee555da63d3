-- Key creation and rotation queue on this row. Locking the keys themselves queues nothing on an
-- empty store, where instances deployed together would each create a first key.
INSERT INTO job_lease (name) VALUES ('signing-keys');
