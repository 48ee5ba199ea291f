"""joblens.spark in local mode gives the command line's tables, row for row (run by
scripts/check-spark.sh; skipped where pyspark is not installed)."""
import os

import pandas as pd
import pandas.testing as pdt
import pytest

import joblens

pyspark = pytest.importorskip("pyspark")


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    session = (SparkSession.builder.master(os.environ.get("JOBLENS_SPARK_MASTER", "local[2]"))
               .appName("joblens-check")
               .config("spark.sql.execution.arrow.pyspark.enabled", "true")
               .config("spark.ui.enabled", "false")
               .config("spark.sql.shuffle.partitions", "4")
               .getOrCreate())
    yield session
    session.stop()


def _normal(frame: pd.DataFrame, table: str) -> pd.DataFrame:
    """A table with the schema's dtypes, in the command line's order (within a posting,
    evidence spans keep the order they were written in)."""
    dtypes = {name: kind for name, kind in joblens.dtypes(table).items() if name in frame}
    keys = {"postings": ["ordinal"], "evidence": ["ordinal"], "zones": ["ordinal", "phrase"]}.get(
        table, ["ordinal", "rank"])
    return frame.astype(dtypes).sort_values(keys, kind="stable").reset_index(drop=True)


def test_spark_gives_the_command_lines_tables(spark, corpus, cli_output, index):
    import joblens.spark

    postings = pd.read_json(corpus, lines=True, dtype={"id": str})
    frame = spark.createDataFrame(postings[["id", "title", "description"]])
    assert frame.rdd.getNumPartitions() >= 2
    result = joblens.spark.classify(frame, index=index, text="description")
    expected = joblens.read_output(cli_output)
    assert result.manifest["index_checksum"] == expected.manifest["index_checksum"]
    for table in joblens.TABLES:
        assert result.tables()[table].columns == joblens.columns(table)
        got = result.tables()[table].toPandas()
        want = getattr(expected, table)
        if table == "postings":
            # The executors read standard input and the command line the file: only the
            # source (file:line) differs.
            got, want = got.drop(columns="source"), want.drop(columns="source")
        assert len(got) == len(want), table
        pdt.assert_frame_equal(_normal(got, table), _normal(want, table), obj=table)
    result.unpersist()
