"""The Committee's decisions under OPIC: a public library, and links from the admissibility check."""
