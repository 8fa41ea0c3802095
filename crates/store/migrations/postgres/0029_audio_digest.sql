-- A voice prompt's address carries a digest of its content: every change of a prompt
-- gets an address never used before, so no terminal keeps playing a cached old one
-- (the version counter could repeat after a prompt went back to the default).
ALTER TABLE audio_prompts ADD COLUMN digest TEXT;
