// Public surface of the tenant-model library (pure: no database, HTTP or sockets).
export { trainTenantModel } from "./train";
export { loadTenantModel, type LoadedTenantModel } from "./load-model";
export { writeModelFiles, readModelFiles, verifyModelFiles, type Manifest } from "./model-files";
export { TrainingError, isTrainingError, type TrainingErrorReason } from "./errors";
export { normalizeText } from "./normalize";
export { getWordVectors } from "./word-vectors";
export type * from "./types";
export { runTrainingInWorker, type TrainingRun, type RunOptions } from "./run-in-worker";
export { parseLabelledCsv } from "./labelled-csv";
export { measureTestSet, type TestMetrics } from "./test-metrics";
