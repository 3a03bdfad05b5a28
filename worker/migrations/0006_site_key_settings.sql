-- Per site key: only clients with a one-time invite may answer (invite_required), and a registered
-- kiosk, where many clients share one device and address, is never rate-limited nor held as a burst.
ALTER TABLE site_keys ADD COLUMN invite_required INTEGER NOT NULL DEFAULT 0 CHECK (invite_required IN (0, 1));
ALTER TABLE site_keys ADD COLUMN kiosk INTEGER NOT NULL DEFAULT 0 CHECK (kiosk IN (0, 1));
