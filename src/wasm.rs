//! The WebAssembly binding: the only file that names wasm-bindgen or js-sys.
//! (Filled in with the JS API.)
