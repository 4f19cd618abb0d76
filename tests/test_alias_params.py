"""What the crawl learns of a host's query parameters (crawler/aliases.py), kept in a
real page state on disk, as a crawl and the next one would see it."""

from __future__ import annotations

from pathlib import Path

from crawler.aliases import ParamLearner
from crawler.state import PageState

HOST = "https://news.example"


def test_parameters_that_name_one_article_are_dropped_and_those_that_select_one_stay(
    tmp_path: Path,
) -> None:
    state = PageState(tmp_path / "_state")
    try:
        learner = ParamLearner(state, evidence=2)
        held: dict[str, str] = {}
        # A site whose articles are ?id=N, linked from its lists with &from=list.
        for n, text_hash in ((12, "h12"), (13, "h13")):
            url = f"{HOST}/article.php?id={n}"
            learner.article_written(url, text_hash, held.get)
            held[url] = text_hash
        assert learner.undecided_names(f"{HOST}/article.php?id=14") == frozenset()
        learner.alias_seen(f"{HOST}/article.php?id=12&from=list", f"{HOST}/article.php?id=12")
        # One page is not enough to drop a parameter.
        assert learner.normalise(f"{HOST}/article.php?id=14&from=list").endswith("&from=list")
        learner.alias_seen(f"{HOST}/article.php?id=13&from=list", f"{HOST}/article.php?id=13")
        assert learner.normalise(f"{HOST}/article.php?id=14&from=list") == (
            f"{HOST}/article.php?id=14"
        )
        # Another host learns nothing from this one.
        other = "https://other.example/article.php?id=14&from=list"
        assert learner.normalise(other) == other
    finally:
        state.close()
    # The next run (a new process) starts from what was learned.
    state = PageState(tmp_path / "_state")
    try:
        again = ParamLearner(state, evidence=2)
        assert again.normalise(f"{HOST}/a.php?id=9&from=list") == f"{HOST}/a.php?id=9"
        assert again.undecided_names(f"{HOST}/a.php?id=9") == frozenset()
    finally:
        state.close()


def test_a_parameter_seen_to_select_another_article_is_never_dropped(tmp_path: Path) -> None:
    state = PageState(tmp_path / "_state")
    try:
        learner = ParamLearner(state, evidence=2)
        for n in (1, 2):  # two aliases say "page" means nothing...
            learner.alias_seen(f"{HOST}/story/{n}?page=1", f"{HOST}/story/{n}")
        assert learner.normalise(f"{HOST}/story/3?page=1") == f"{HOST}/story/3"
        # ...until page 2 of a story turns out to hold other text than the story.
        held = {f"{HOST}/story/4": "first part"}
        learner.article_written(f"{HOST}/story/4?page=2", "second part", held.get)
        assert learner.normalise(f"{HOST}/story/3?page=2") == f"{HOST}/story/3?page=2"
    finally:
        state.close()
