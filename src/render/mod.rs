//! Render: a localized [`Document`](crate::document::Document) -> an output format.
//! `html` writes a self-contained web page; `pdf` typesets a print-ready PDF with Typst.

pub mod escape;
pub mod html;
pub mod pdf;
pub mod qr;
pub mod share;
pub mod sitemap;
pub mod text;
