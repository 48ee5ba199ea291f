"""joblens.classify and friends give the command line's codes, as DataFrames."""
import json
import subprocess

import pandas as pd
import pandas.testing as pdt
import pytest

import joblens


def test_five_lines_give_the_command_lines_codes(corpus, cli_output, index):
    result = joblens.classify(corpus)
    expected = joblens.read_output(cli_output)
    assert len(result.postings) == 1120
    assert result.counts == {"read": 1120, "analysed": 1120, "failed": 0, "duplicates": 0}
    assert result.manifest["index_checksum"] == expected.manifest["index_checksum"]
    # Every table, row for row and column for column (the package reads the binary's CSV
    # tables; read_output reads the command line's JSONL: two readers, one answer).
    for table in joblens.TABLES:
        pdt.assert_frame_equal(getattr(result, table), getattr(expected, table), obj=table)


def test_tables_have_the_schemas_columns_and_dtypes(corpus):
    result = joblens.classify(corpus, chunk_size=500)
    for table in joblens.TABLES:
        frame = getattr(result, table)
        assert list(frame.columns) == joblens.columns(table)
        assert {name: str(dtype) for name, dtype in frame.dtypes.items()} == {
            name: str(pd.Series([], dtype=kind).dtype)
            for name, kind in joblens.dtypes(table).items()}
    codes = result.postings["isco_code"].dropna()
    assert codes.map(type).eq(str).all() and codes.str.fullmatch(r"\d{1,4}").all()
    assert result.skills.groupby("ordinal")["rank"].min().eq(1).all()


def test_a_dataframe_and_dicts_give_the_same_codes(corpus, cli_output):
    frame = pd.read_json(corpus, lines=True, dtype={"id": str})
    from_frame = joblens.classify(frame, text="description")
    expected = joblens.read_output(cli_output).postings
    assert from_frame.postings["id"].tolist() == expected["id"].tolist()
    pdt.assert_series_equal(from_frame.postings["isco_code"], expected["isco_code"])
    pdt.assert_frame_equal(from_frame.skills, joblens.read_output(cli_output).skills)
    records = frame.head(40).to_dict("records")
    from_dicts = joblens.classify(iter(records), text="description")
    pdt.assert_series_equal(from_dicts.postings["isco_code"], expected["isco_code"].head(40))


def test_chunks_stream_with_running_ordinals(corpus):
    chunks = list(joblens.classify_chunks(corpus, chunk_size=300))
    assert [len(chunk.postings) for chunk in chunks][:3] == [320, 320, 320]
    whole = joblens.Analyses.concat(chunks)
    assert whole.postings["ordinal"].tolist() == list(range(1, 1121))
    pdt.assert_frame_equal(whole.skills, joblens.classify(corpus).skills)


def test_failed_records_are_rows_not_exceptions(index):
    rows = [{"id": "a", "title": "Bookkeeper", "text": "Keep the books."},
            {"id": "b"},
            {"id": "c", "title": "Receptionist", "text": "Answer the phone."}]
    result = joblens.classify(rows)
    assert result.postings["id"].tolist() == ["a", "b", "c"]
    assert result.errors["id"].tolist() == ["b"]
    assert result.errors["error"].iloc[0] == "no 'title' or 'text' field"
    assert result.counts["failed"] == 1
    assert set(result.skills["id"]) <= {"a", "c"}


def test_markup_in_a_text_column_gives_the_same_codes(index):
    plain = ("Duties include:\n- recording invoices and receipts in Xero\n"
             "- reconciling bank statements\n- preparing monthly financial reports\n"
             "- chasing overdue payments")
    html = ("<p><b>Duties include:</b></p><ul><li>recording invoices and receipts in Xero</li>"
            "<li>reconciling bank&nbsp;statements</li><li>preparing monthly financial "
            "reports</li><li>chasing overdue payments</li></ul>"
            "<div style='display:none'>Forklift drivers wanted</div>")
    frame = pd.DataFrame({"id": ["plain", "html"], "title": ["Bookkeeping assistant"] * 2,
                          "text": [plain, html]})
    result = joblens.classify(frame)
    codes = result.postings.set_index("id")["isco_code"]
    assert codes["plain"] == codes["html"]
    skills = result.skills.groupby("id")["uri"].apply(list)
    assert skills["plain"] == skills["html"]
    assert "Forklift" not in result.postings.set_index("id")["text"]["html"]
    raw = joblens.classify(frame, text_html="no")
    assert raw.postings["text"].isna().all()


def test_lean_keeps_codes_and_offsets(corpus):
    full = joblens.classify(corpus)
    lean = joblens.classify(corpus, lean=True)
    pdt.assert_series_equal(full.postings["isco_code"], lean.postings["isco_code"])
    assert lean.evidence["text"].isna().all() and lean.evidence["start"].notna().all()
    assert (lean.evidence["kind"] != "mix").all()
    pdt.assert_frame_equal(full.occupations, lean.occupations)


def test_skills_of_a_text(index):
    found = joblens.skills("Schedule appointments for the director.\nWe offer health insurance.")
    assert found.iloc[0]["uri"] == ("http://data.europa.eu/esco/skill/"
                                    "933e7ccf-5d56-46ba-aca4-857f826a6b3a")
    assert found.iloc[0]["literal"]
    assert list(found.columns) == joblens.columns("skills")[2:]


def test_coverage_of_postings_equals_coverage_of_their_analyses(corpus):
    # Coverage counts near-duplicates once: it finds them itself in postings, and reads the
    # marks of --dedup (dedup=True) in analyses.
    analyses = joblens.classify(corpus, dedup=True)
    assert analyses.postings["duplicate_of"].notna().sum() == analyses.counts["duplicates"] > 0
    from_postings = joblens.coverage(corpus)
    from_analyses = joblens.coverage(analyses)
    assert from_postings.summary["postings"] == 1120 - analyses.counts["duplicates"]
    for key in ("postings", "skill_coverage", "group_coverage", "demand", "demanded_weight"):
        assert from_postings.summary[key] == from_analyses.summary[key], key
    pdt.assert_frame_equal(from_postings.items, from_analyses.items)
    pdt.assert_frame_equal(from_postings.gaps, from_analyses.gaps)
    assert {"id", "share", "postings"} <= set(from_postings.items.columns)


def test_errors_that_stop_the_run_raise(corpus):
    with pytest.raises(joblens.JobLensError, match="no index at '/no/such.jlidx'"):
        joblens.classify(corpus, index="/no/such.jlidx")
    with pytest.raises(FileNotFoundError):
        joblens.classify("/no/such/postings.jsonl")


def test_build_index_writes_where_asked(binary, tmp_path):
    from conftest import ESCO

    if not (ESCO / "skills_en.csv").exists():
        pytest.skip("needs the ESCO download")
    path = joblens.build_index(esco=ESCO, out=tmp_path / "x.jlidx")
    assert path == str(tmp_path / "x.jlidx")
    result = joblens.classify([{"id": "1", "title": "Bookkeeper", "text": "Keep the books."}],
                              index=path)
    assert result.postings["isco_1"].iloc[0] is not pd.NA


def test_tables_the_schema_does_not_know_arrive_in_extra(tmp_path):
    """A binary that writes a table more  needs no new package."""
    postings = "1,a,-:1,T,T,4,1,Clerks,0.5,,4,41,412,4120,u,l,4120,0.9,0,0,0,1,,,\n"
    spans = "1,a,duty,0,10\n1,a,offer,11,20\n"
    columns = ("postings," + ",".join(joblens.columns("postings")) + "\n"
               "spans,ordinal,id,zone,start,end\n")
    blocks = [("manifest", 1, '{"joblens": "test"}\n'), ("columns", 2, columns),
              ("postings", 1, postings), ("spans", 2, spans)]
    script = tmp_path / "fake-joblens"
    body = "".join(f"@{name} {rows} {len(text.encode())}\n{text}" for name, rows, text in blocks)
    script.write_text("#!/bin/sh\ncat <<'END'\n" + body + "END\n")
    script.chmod(0o755)
    result = joblens.classify([{"id": "a", "title": "T", "text": "x"}], binary=str(script))
    assert result.manifest == {"joblens": "test"}
    assert result.postings["isco_code"].tolist() == ["4"]
    assert result.skills.empty and list(result.skills.columns) == joblens.columns("skills")
    assert result.zones.empty and list(result.zones.columns) == joblens.columns("zones")
    assert result.extra["spans"]["zone"].tolist() == ["duty", "offer"]
    assert result.extra["spans"]["end"].tolist() == [10, 20]
