"""JSON Schema of the content files, for editors' autocompletion and checks as they type.

`python -m gentle_movements.schema` (with `hooks/` on the path) rewrites `content/schema/`;
a test fails when the committed files differ from what the models and the list of
conditions say.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pydantic import BaseModel

from . import model
from .safe_yaml import read_yaml

SCHEMAS: dict[str, type[BaseModel]] = {
    "exercise": model.Exercise,
    "stop-rules": model.StopRules,
    "safety-tips": model.SafetyTips,
    "red-flags": model.RedFlags,
    "faq": model.Faq,
    "redirects": model.Redirects,
    "pregnancy-warning-signs": model.PregnancyWarningSigns,
    "floor": model.FloorGuide,
    "conditions": model.Conditions,
}
CONDITIONS_FILE = Path(__file__).resolve().parents[2] / "content" / "conditions.yml"


def condition_ids(path: Path = CONDITIONS_FILE) -> list[str]:
    """The ids in the list of conditions, which a check-first caution may name."""
    data = read_yaml(path, path.name).data
    return [condition["id"] for condition in data["conditions"]]


def with_condition_ids(schema: dict, ids: list[str]) -> dict:
    """`schema` with check_first's `conditions` limited to the listed ids, so an editor's
    tools offer them (the loader checks them too, with a message)."""
    check_first = schema.get("$defs", {}).get("CheckFirst")
    if check_first is not None:
        check_first["properties"]["conditions"]["items"]["enum"] = ids
    return schema


def schema_texts(ids: list[str] | None = None) -> dict[str, str]:
    """File name to JSON text, for each content file type."""
    ids = condition_ids() if ids is None else ids
    texts = {}
    for name, model_class in SCHEMAS.items():
        schema = with_condition_ids(model_class.model_json_schema(mode="validation"), ids)
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
        texts[f"{name}.schema.json"] = json.dumps(schema, indent=2, sort_keys=True) + "\n"
    return texts


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for file_name, text in schema_texts().items():
        path = folder / file_name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("content/schema")
    for path in write_schemas(target):
        print(f"wrote {path}")
