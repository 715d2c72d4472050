//! Fonts and text style: the bundled Japanese face (BIZ UDPGothic, SIL OFL 1.1, licence in
//! assets/fonts/OFL.txt) goes first, so Japanese and English render in one legible face.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};
use std::sync::Arc;

const JAPANESE_FONT: &[u8] = include_bytes!("../../assets/fonts/BIZUDPGothic-Regular.ttf");

pub(super) fn plugin(app: &mut App) {
    app.add_systems(EguiPrimaryContextPass, install_fonts.run_if(run_once));
}

fn install_fonts(mut contexts: EguiContexts) -> Result {
    let ctx = contexts.ctx_mut()?;
    ctx.set_fonts(definitions());
    ctx.all_styles_mut(|style| {
        use egui::{FontFamily::Proportional, FontId, TextStyle};
        style.text_styles = [
            (TextStyle::Heading, FontId::new(28.0, Proportional)),
            (TextStyle::Body, FontId::new(18.5, Proportional)),
            (TextStyle::Button, FontId::new(18.5, Proportional)),
            (TextStyle::Small, FontId::new(14.5, Proportional)),
            (
                TextStyle::Monospace,
                FontId::new(16.0, egui::FontFamily::Monospace),
            ),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(10.0, 8.0);
    });
    Ok(())
}

/// egui's faces with the Japanese face first in both families.
fn definitions() -> egui::FontDefinitions {
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(
        "biz-udpgothic".to_owned(),
        // The face's own line metrics leave wrapped lines almost touching; drawing the glyphs
        // a little smaller in the same rows opens the space between lines.
        Arc::new(
            egui::FontData::from_static(JAPANESE_FONT).tweak(egui::FontTweak {
                scale: 0.9,
                y_offset_factor: 0.04,
                ..Default::default()
            }),
        ),
    );
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .insert(0, "biz-udpgothic".to_owned());
    }
    fonts
}

#[cfg(test)]
mod tests {
    use bevy_egui::egui;

    /// Every symbol in the app's strings (icons, arrows, marks) has a glyph in the faces the
    /// app installs: a missing one draws as an empty box on the projector.
    #[test]
    fn every_symbol_the_app_shows_has_a_glyph() {
        let fonts = super::definitions();
        let faces: Vec<ttf_parser::Face<'_>> = fonts.families[&egui::FontFamily::Proportional]
            .iter()
            .map(|name| {
                let data = &fonts.font_data[name];
                ttf_parser::Face::parse(&data.font, data.index).expect("a font face")
            })
            .collect();
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/app");
        let mut symbols = std::collections::BTreeSet::new();
        let mut stack = vec![std::path::PathBuf::from(dir)];
        while let Some(p) = stack.pop() {
            if p.is_dir() {
                stack.extend(
                    std::fs::read_dir(&p)
                        .expect("dir")
                        .map(|e| e.expect("entry").path()),
                );
            } else if p.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&p).expect("source");
                // Inside string literals only, past Latin, kana and kanji.
                for literal in text.split('"').skip(1).step_by(2) {
                    symbols.extend(literal.chars().filter(|c| {
                        let u = u32::from(*c);
                        u > 0x2000
                            && !(0x3000..=0x9fff).contains(&u)
                            && !(0xff00..=0xffef).contains(&u)
                    }));
                }
            }
        }
        assert!(symbols.len() > 10, "the scan found the app's symbols");
        let missing: Vec<char> = symbols
            .iter()
            .copied()
            .filter(|c| !faces.iter().any(|f| f.glyph_index(*c).is_some()))
            .collect();
        assert!(missing.is_empty(), "no glyph for {missing:?}");
    }
}
