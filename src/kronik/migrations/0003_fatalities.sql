-- Deaths an event mention's sentence states (stage `details`): NULL when it states none, 0 when it says nobody died.

ALTER TABLE mentions ADD COLUMN fatalities INTEGER;
