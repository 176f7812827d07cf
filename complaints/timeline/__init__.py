"""The timeline of a case in the reader's language: events are stored as codes, words come at reading."""
