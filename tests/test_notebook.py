"""examples/analysis.ipynb runs from top to bottom, as a reader would run it."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOK = Path(__file__).resolve().parents[1] / "examples" / "analysis.ipynb"


@pytest.mark.slow
def test_notebook_analysis_runs() -> None:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    # Run in examples/, where the notebook finds the article; it writes only to a temp folder.
    client = NotebookClient(
        notebook,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": NOTEBOOK.parent}},
    )
    client.execute()  # raises CellExecutionError, with the cell and traceback, if a cell fails
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    text = "\n".join(o.get("data", {}).get("text/plain", "") for o in outputs)
    assert "2016-09-08" in text and "2016-09-09" in text
    assert any("image/png" in o.get("data", {}) for o in outputs)
