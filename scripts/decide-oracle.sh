#!/usr/bin/env bash
# Runs the Decide exchange model (decide-exchange-model on PyPI) on Decide files and writes
# the outcome of every issue after each round as JSON, the figures Entente's tests compare with.
#
#   scripts/decide-oracle.sh OUTPUT.json FILE...
#
# Environment: DECIDE_VENV (default /work/venvs/decide) is the virtual environment, made and
# filled on first use with DECIDE_PYTHON (default ~/.pyenv/versions/3.13.0/bin/python, Decide
# needs Python 3.13); DECIDE_ROUNDS (default 10) is the number of rounds.
# Decide breaks exact ties between equal gains at random; the oracle turns that off (the
# earlier exchange in Decide's list goes first) and counts the ties it met in "ties".
set -euo pipefail
if [ $# -lt 2 ]; then
  echo "usage: $0 OUTPUT.json FILE..." >&2
  exit 64
fi
output=$1
shift
venv=${DECIDE_VENV:-/work/venvs/decide}
python=${DECIDE_PYTHON:-$HOME/.pyenv/versions/3.13.0/bin/python}
if [ ! -x "$venv/bin/python" ]; then
  "$python" -m venv "$venv"
fi
if ! "$venv/bin/python" -c 'import decide' 2>/dev/null; then
  "$venv/bin/pip" install --quiet decide-exchange-model==2025.3.1
fi
DECIDE_ROUNDS=${DECIDE_ROUNDS:-10} "$venv/bin/python" - "$output" "$@" <<'PY'
import json, os, sys
from importlib.metadata import version
from pathlib import Path

from decide.data.modelfactory import ModelFactory
from decide.data.reader import InputDataFile
from decide.model import equalgain
from decide.model.observers.observer import Observable
from decide.model.utils import ModelLoop

equalgain.EqualGainModel.ALLOW_RANDOM = False
rounds = int(os.environ["DECIDE_ROUNDS"])
ties = 0
highest_gain = equalgain.EqualGainModel.highest_gain


def counting_highest_gain(model):
    """Decide's own choice, counting the exact ties it would otherwise break at random."""
    global ties
    model.sort_exchanges()
    if len(model.exchanges) > 1 and model.exchanges[0].is_valid and model.exchanges[1].is_valid \
            and abs(model.exchanges[0].gain - model.exchanges[1].gain) < 1e-20:
        ties += 1
    return highest_gain(model)


equalgain.EqualGainModel.highest_gain = counting_highest_gain


def outcomes(model):
    return {issue.name: float(issue.de_normalize(model.nbs[issue])) for issue in model.issues if issue in model.nbs}


def run(path):
    global ties
    ties = 0
    data = InputDataFile.open(Path(path))
    if not data.is_valid:
        raise SystemExit(f"{path}: Decide reports {data.errors}")
    model = ModelFactory(data)(model_klass=equalgain.EqualGainModel, randomized_value="0")
    loop = ModelLoop(model, Observable(model_ref=model, output_directory=Path(os.devnull)), 0)
    model.calc_nbs()
    result = {"initial": outcomes(model), "rounds": []}
    for _ in range(rounds):
        loop.loop()  # ends with the outcomes of the round's voting positions in model.nbs
        result["rounds"].append(outcomes(model))
    result["ties"] = ties
    return result


output, files = sys.argv[1], sys.argv[2:]
report = {"decide": version("decide-exchange-model"), "rounds": rounds,
          "files": {Path(f).name: run(f) for f in files}}
Path(output).write_text(json.dumps(report, indent=1, sort_keys=True) + "\n")
PY
