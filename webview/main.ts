// The compare-trials panel script; built now so the bundle layout is fixed from the start.
export {};
