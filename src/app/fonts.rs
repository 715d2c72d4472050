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
    ctx.set_fonts(fonts);
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
