-- A paired device is a rating terminal (`kiosk`) or an employee's station at a desk
-- (`station`), which asks that desk's terminal for ratings without a personal login.
ALTER TABLE terminals ADD COLUMN kind TEXT NOT NULL DEFAULT 'kiosk';
