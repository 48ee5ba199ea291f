import JobLensCoverage
import JobLensRender
import Mustache

/// The app's page: a Mustache template around the report. Values are escaped by Mustache
/// (`{{…}}`); the report (already escaped by ``CoverageHTML``) and the initial state (JSON
/// with every `<` written `\u003c`) go in unescaped (`{{{…}}}`).
enum AppPage {
  static let template = """
    <!DOCTYPE html>
    <html lang="en"><head><meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{{title}}</title>
    <link rel="stylesheet" href="/app.css"></head><body>
    <header class="bar"><strong>JobLens</strong> · curriculum coverage
    <span id="status" role="status" aria-live="polite">{{status}}</span></header>
    <details class="controls" id="controls">
    <summary>Measure other postings or another curriculum, compare, download</summary>
    <fieldset><legend>1. Job postings</legend>
    <p><button type="button" id="use-sample">Use our sample postings</button>
    <label>or upload a file (JSONL, CSV, TSV, or a zip of HTML/TXT files):
    <input type="file" id="postings-file" accept=".jsonl,.json,.ndjson,.csv,.tsv,.zip,.txt"></label></p>
    <p><label for="paste-text">or paste one posting (a short first line is its title):</label><br>
    <textarea id="paste-text" rows="3"></textarea><br>
    <button type="button" id="paste-button">Measure this posting</button></p>
    <progress id="upload-progress" max="100" value="0" hidden></progress>
    <p id="corpus-info" class="muted">{{corpusInfo}}</p></fieldset>
    <fieldset><legend>2. Curriculum</legend>
    <p><button type="button" id="use-default-curriculum">Use the default VA curriculum</button>
    <label>or upload one (YAML, or CSV with columns area, item, description, skills, phrases):
    <input type="file" id="curriculum-file" accept=".yaml,.yml,.csv,.tsv"></label></p>
    <p id="curriculum-info" class="muted">{{curriculumInfo}}</p>
    <p>Download the curriculum as you edited it: <button type="button" id="download-yaml">YAML</button>
    <button type="button" id="download-csv">CSV</button> · every table of the report:
    <button type="button" id="download-tables">CSV</button></p></fieldset>
    <fieldset><legend>3. Compare (optional)</legend>
    <p><label>Other postings: <input type="file" id="compare-postings-file"
    accept=".jsonl,.json,.ndjson,.csv,.tsv,.zip,.txt"></label>
    <label>Other curriculum: <input type="file" id="compare-curriculum-file"
    accept=".yaml,.yml,.csv,.tsv"></label>
    <button type="button" id="compare-button">Compare</button></p></fieldset>
    </details>
    <div id="edits"></div>
    <div id="errors" role="alert"></div>
    <aside id="panel" hidden></aside>
    <div id="compare-area"></div>
    <div id="report-area">{{{report}}}</div>
    <script type="application/json" id="initial-state">{{{initialState}}}</script>
    <script src="/app.js"></script>
    </body></html>

    """

  static let compiled: MustacheTemplate = {
    do {
      return try MustacheTemplate(string: template)
    } catch {
      preconditionFailure("the app's page template does not compile: \(error)")
    }
  }()

  /// The page with a report and the script's initial state (a JSON object).
  static func render(report: CoverageReport, initialState: String) -> String {
    compiled.render([
      "title": "JobLens · coverage of \(report.curriculumTitle)",
      "status": "Ready.",
      "corpusInfo": "Sample postings: \(report.postings) postings.",
      "curriculumInfo": "\(report.curriculumTitle) (\(report.items.count) items).",
      "report": CoverageHTML.page(report, options: [.fragment, .interactive]),
      "initialState": initialState.replacingOccurrences(of: "<", with: "\\u003c"),
    ])
  }

  /// The report's style and the app's own.
  static let style =
    CoverageHTML.style + "\n" + """
      body{max-width:72rem}
      .bar{display:flex;gap:1rem;align-items:baseline;flex-wrap:wrap;border-bottom:2px solid var(--accent);padding:.5rem 0}
      #status{color:var(--muted)}#status.error,#errors{color:var(--gap)}
      .controls{margin:.5rem 0}.controls summary{cursor:pointer;font-weight:600;color:var(--accent)}
      .controls fieldset{border:1px solid var(--line);border-radius:.5rem;margin:.75rem 0;padding:.5rem .75rem}
      .controls legend{font-weight:600}
      .controls label{display:inline-block;margin:.2rem 0}
      textarea{width:100%;font:inherit}
      input[type=file]{max-width:100%}
      progress{width:100%}
      #panel{border:2px solid var(--accent);border-radius:.5rem;padding:.75rem;margin:1rem 0;background:#fff}
      #panel ul{padding-left:1.2rem}
      .posting-text{white-space:pre-wrap;background:var(--soft);padding:.5rem;border-radius:.3rem;max-height:30rem;overflow:auto}
      mark{background:#ffe08a}mark sup{font-size:.65rem;color:var(--muted)}
      .chip{display:inline-block;border:1px solid var(--line);border-radius:1rem;padding:0 .5rem;margin:.1rem}
      @media print{.controls,#panel,.bar #status{display:none}}
      """
}
