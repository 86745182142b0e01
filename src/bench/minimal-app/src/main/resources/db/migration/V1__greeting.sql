CREATE TABLE greeting (id INTEGER PRIMARY KEY AUTOINCREMENT, text TEXT NOT NULL);
INSERT INTO greeting (text) VALUES ('hello'), ('shwmae');
