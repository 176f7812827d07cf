"""The audit trail: who read or changed which case, when and from where, in an append-only log.

``models`` holds the entry, ``chain`` its hash, ``context`` what a request noted, ``services``
writing, verifying and exporting the log; ``middleware``, ``api`` and ``admin`` are the entry
points that record each request.
"""
