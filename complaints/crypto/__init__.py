"""Encryption at rest of what identifies a child: fields, files and the blind index of names.

keys: the key ring (PORTAL_ENCRYPTION_KEYS: the first key encrypts, all decrypt);
fields: model fields that store a Fernet token instead of the value; storage: a wrapper of the
default file storage that encrypts what it saves; blind_index: keyed digests of normalised name
tokens, so the case list can search names it cannot read; search_index: keeps those digests;
rotation: re-encrypts every field and file with the current key (``manage.py reencrypt``).
"""
