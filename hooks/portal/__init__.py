"""The portal's data layer: load, validate and index the bilingual database in data/.

Plain Python, no MkDocs imports, so the tests and command-line checks use exactly the
code the build uses. The MkDocs hooks in hooks/*.py are thin adapters around it.
"""
