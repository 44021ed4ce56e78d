-- Reclam register, schema version 5: indexes for the "Aujourd'hui" screen and the statistics.

-- Work lists by status, most urgent first (status = ? ORDER BY next_due NULLS LAST, id).
CREATE INDEX complaints_status_next_due ON complaints (status, next_due, id);
-- This year's on-time rates read only this index (covering).
CREATE INDEX complaints_rates ON complaints (received_on, acknowledged_on, answered_on, ack_due, answer_due);
