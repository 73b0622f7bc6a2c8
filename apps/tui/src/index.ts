// Filled in by the app. @module
export {};
