// The JobLens library: the layered targets, each importing only those below it, re-exported
// as one module (see docs/Architecture.md).
@_exported public import JobLensAnalysis
@_exported public import JobLensBatch
@_exported public import JobLensCore
@_exported public import JobLensCoverage
@_exported public import JobLensEvaluation
@_exported public import JobLensIndex
@_exported public import JobLensInput
@_exported public import JobLensRender
@_exported public import JobLensTaxonomy
@_exported public import JobLensText
