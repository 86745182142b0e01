-- Each staff member's console language (en or cy), chosen with the switch in the console's header.
CREATE TABLE console_preference (
    username TEXT PRIMARY KEY,
    language TEXT NOT NULL
);
