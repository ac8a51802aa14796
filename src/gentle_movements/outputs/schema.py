"""JSON Schema of the content files, for editors' autocompletion and checks as they type.

`make schema` rewrites `content/schema/`;
a test fails when the committed files differ from what the models and the list of
conditions say.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from pydantic import BaseModel

from gentle_movements.load.loader import SINGLE_FILES
from gentle_movements.load.safe_yaml import read_yaml
from gentle_movements.model.exercise import Exercise

SCHEMAS: dict[str, type[BaseModel]] = {
    "exercise": Exercise,
    **{Path(name).stem: model_class for name, model_class in SINGLE_FILES.items()},
}
"""One schema for each kind of content file: the loader's list of files says which model
reads each."""


def condition_ids(content_dir: Path) -> list[str]:
    """The ids in `content/conditions.yml`, which a check-first caution may name."""
    path = content_dir / "conditions.yml"
    data = read_yaml(path, path.name).data
    return [condition["id"] for condition in data["conditions"]]


def with_condition_ids(schema: dict, ids: list[str]) -> dict:
    """`schema` with check_first's `conditions` limited to the listed ids, so an editor's
    tools offer them (the loader checks them too, with a message)."""
    check_first = schema.get("$defs", {}).get("CheckFirst")
    if check_first is not None:
        check_first["properties"]["conditions"]["items"]["enum"] = ids
    return schema


def schema_texts(ids: list[str]) -> dict[str, str]:
    """File name to JSON text, for each content file type; `ids` are the conditions'."""
    texts = {}
    for name, model_class in SCHEMAS.items():
        schema = with_condition_ids(model_class.model_json_schema(mode="validation"), ids)
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
        texts[f"{name}.schema.json"] = json.dumps(schema, indent=2, sort_keys=True) + "\n"
    return texts


def write_schemas(folder: Path) -> list[Path]:
    """The schemas into `folder` (content/schema), with the ids of the content beside it."""
    ids = condition_ids(folder.parent)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for file_name, text in schema_texts(ids).items():
        path = folder / file_name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("content/schema")
    for path in write_schemas(target):
        print(f"wrote {path}")
