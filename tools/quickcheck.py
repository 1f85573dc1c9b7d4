"""Interim schema check for transcribers: python tools/quickcheck.py data/plans/x.yml ..."""
import json, sys, pathlib, yaml
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
root = pathlib.Path(__file__).resolve().parent.parent / "data"
schemas = {p.name: json.loads(p.read_text()) for p in (root / "schemas").glob("*.json")}
reg = Registry().with_resources((n, Resource.from_contents(s)) for n, s in schemas.items())
kind = {"plans": "plan", "agencies": "agency", "legal": "legal"}
class L(yaml.SafeLoader): pass
L.yaml_implicit_resolvers = {k: [r for r in v if r[0] != "tag:yaml.org,2002:timestamp"] for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}
ok = True
for f in sys.argv[1:]:
    p = pathlib.Path(f)
    doc = yaml.load(p.read_text(encoding="utf-8"), Loader=L)
    v = Draft202012Validator(schemas[kind[p.parent.name] + ".schema.json"], registry=reg)
    for i, rec in enumerate(doc if isinstance(doc, list) else [doc]):
        for e in v.iter_errors(rec):
            ok = False
            print(f"{f} [{i}] {'/'.join(map(str, e.absolute_path))}: {e.message[:200]}")
print("OK" if ok else "ERRORS")
