//! Open and Save dialogs: one file dialog for the app (egui-file-dialog, drawn in egui, so it
//! is the same on Windows, macOS and Linux and needs no desktop portal), in the UI's language.
//! A screen asks for it ([`Files::save_as`], [`Files::pick_records`]); what the user picks
//! comes back as a [`Picked`] message, and a text to save is written atomically here.

use super::AppData;
use crate::text::Lang;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};
use egui_file_dialog::{DialogState, FileDialog, FileDialogLabels};
use std::path::{Path, PathBuf};

/// The dialog and what it was opened for.
#[derive(Resource, Default)]
pub struct Files {
    dialog: FileDialog,
    purpose: Option<Purpose>,
}

/// What the open dialog is for.
enum Purpose {
    /// Save this text where the user says.
    Save(String),
    /// Pick record files to import.
    Records,
    /// Pick a folder to copy records into.
    Folder,
}

/// What the user picked in a dialog that hands its choice back.
#[derive(Message, Debug, Clone, PartialEq, Eq)]
pub enum Picked {
    /// Record files to import.
    Records(Vec<PathBuf>),
    /// A folder to export records into.
    Folder(PathBuf),
}

impl Files {
    /// Opens a Save dialog for `text`, in `dir`, with `name` proposed.
    pub fn save_as(&mut self, dir: &Path, name: &str, text: String, lang: Lang) {
        self.open(dir, name, lang);
        self.purpose = Some(Purpose::Save(text));
        self.dialog.save_file();
    }

    /// Opens a dialog to pick record files to import, in `dir`.
    pub fn pick_records(&mut self, dir: &Path, lang: Lang) {
        self.open(dir, "", lang);
        self.purpose = Some(Purpose::Records);
        self.dialog.pick_multiple();
    }

    /// Opens a dialog to pick the folder records are copied into, starting in `dir`.
    pub fn pick_folder(&mut self, dir: &Path, lang: Lang) {
        self.open(dir, "", lang);
        self.purpose = Some(Purpose::Folder);
        self.dialog.pick_directory();
    }

    /// Whether a dialog is open: the screens leave their shortcut keys to it meanwhile.
    pub fn is_open(&self) -> bool {
        *self.dialog.state() == DialogState::Open
    }

    fn open(&mut self, dir: &Path, name: &str, lang: Lang) {
        let config = self.dialog.config_mut();
        config.initial_directory = dir.to_path_buf();
        config.default_file_name = name.to_string();
        config.labels = labels(lang);
    }
}

/// Where the dialogs open: the data folder's exports folder (made if it is not there), else
/// the folder the app was started in.
pub fn start_folder(data: &AppData) -> PathBuf {
    data.dir
        .as_ref()
        .map(|d| d.exports())
        .filter(|e| std::fs::create_dir_all(e).is_ok())
        .unwrap_or_else(|| PathBuf::from("."))
}

/// Whether the file dialog was open in the last frame: [`super::screens::key`] and
/// `escape` read it, so a key typed into the dialog is not also a screen's shortcut.
pub(crate) fn dialog_open(ctx: &egui::Context) -> bool {
    ctx.data(|d| d.get_temp::<bool>(open_id())).unwrap_or(false)
}

fn open_id() -> egui::Id {
    egui::Id::new("pressroom-file-dialog-open")
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Files>()
        .add_message::<Picked>()
        .add_systems(EguiPrimaryContextPass, show);
}

/// Draws the dialog while it is open and acts on what was picked.
fn show(
    mut contexts: EguiContexts,
    mut files: ResMut<Files>,
    mut data: ResMut<AppData>,
    mut picked: MessageWriter<Picked>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    match files.update(ctx) {
        Some(Done::Saved(notice)) => data.notice = Some(notice),
        Some(Done::Picked(p)) => {
            picked.write(p);
        }
        None => {}
    }
    Ok(())
}

/// What a dialog came to.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Done {
    /// The text was saved (or not): what the status line says.
    Saved(String),
    /// The user picked what a screen asked for.
    Picked(Picked),
}

impl Files {
    /// One frame of the dialog: drawn while open; what it came to when the user picked.
    fn update(&mut self, ctx: &egui::Context) -> Option<Done> {
        let open = self.is_open();
        ctx.data_mut(|d| d.insert_temp(open_id(), open));
        if !open && self.purpose.is_none() {
            return None;
        }
        self.dialog.update(ctx);
        let picked_now = match self.dialog.state() {
            DialogState::Open => return None,
            DialogState::Picked(_) | DialogState::PickedMultiple(_) => true,
            _ => false,
        };
        let purpose = self.purpose.take();
        if !picked_now {
            return None; // cancelled or closed: nothing to do
        }
        match purpose? {
            Purpose::Save(text) => {
                let path = self.dialog.take_picked()?;
                Some(Done::Saved(save(&path, &text)))
            }
            Purpose::Records => {
                let paths = self
                    .dialog
                    .take_picked_multiple()
                    .or_else(|| self.dialog.take_picked().map(|p| vec![p]))?;
                (!paths.is_empty()).then_some(Done::Picked(Picked::Records(paths)))
            }
            Purpose::Folder => {
                let path = self.dialog.take_picked()?;
                Some(Done::Picked(Picked::Folder(path)))
            }
        }
    }
}

/// Writes `text` to `path` atomically; what the status line says.
fn save(path: &Path, text: &str) -> String {
    match crate::store::atomic::write_atomically(path, text.as_bytes()) {
        Ok(()) => format!("→ {}", path.display()),
        Err(e) => format!("{}: {e}", path.display()),
    }
}

/// The dialog's labels in the UI's language.
fn labels(lang: Lang) -> FileDialogLabels {
    match lang {
        Lang::En => FileDialogLabels::default(),
        Lang::Ja => FileDialogLabels {
            title_select_directory: "📁 フォルダーを選ぶ".into(),
            title_select_file: "📂 ファイルを開く".into(),
            title_select_multiple: "🗐 ファイルを選ぶ(複数可)".into(),
            title_save_file: "📥 名前を付けて保存".into(),
            cancel: "キャンセル".into(),
            overwrite: "上書きする".into(),
            reload: "⟲  再読み込み".into(),
            working_directory: "↗  作業フォルダーへ".into(),
            select_all: "🗐  すべて選ぶ".into(),
            show_hidden: " 隠しファイルを表示".into(),
            show_system_files: " システムファイルを表示".into(),
            heading_pinned: "ピン留め".into(),
            heading_places: "場所".into(),
            heading_devices: "ドライブ".into(),
            heading_removable_devices: "リムーバブル ドライブ".into(),
            home_dir: "🏠  ホーム".into(),
            desktop_dir: "🖵  デスクトップ".into(),
            documents_dir: "🗐  ドキュメント".into(),
            downloads_dir: "📥  ダウンロード".into(),
            audio_dir: "🎵  ミュージック".into(),
            pictures_dir: "🖼  ピクチャ".into(),
            videos_dir: "🎞  ビデオ".into(),
            pin_folder: "📌 ピン留め".into(),
            unpin_folder: "✖ ピン留めを外す".into(),
            rename_pinned_folder: "✏ 名前を変える".into(),
            selected_directory: "選んだフォルダー:".into(),
            selected_file: "選んだファイル:".into(),
            selected_items: "選んだ項目:".into(),
            file_name: "ファイル名:".into(),
            file_filter_all_files: "すべてのファイル".into(),
            save_extension_any: "指定なし".into(),
            open_button: "🗀  開く".into(),
            save_button: "📥  保存".into(),
            cancel_button: "🚫 キャンセル".into(),
            overwrite_file_modal_text: "はすでにあります。上書きしますか?".into(),
            err_empty_folder_name: "フォルダー名を入れてください".into(),
            err_empty_file_name: "ファイル名を入れてください".into(),
            err_directory_exists: "同じ名前のフォルダーがあります".into(),
            err_file_exists: "同じ名前のファイルがあります".into(),
        },
    }
}

#[cfg(test)]
mod tests {
    //! The dialog driven as a user drives it, without a window.
    use super::*;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    struct State {
        files: Files,
        done: Vec<Done>,
    }

    fn frame(ui: &mut egui::Ui, s: &mut State) {
        let ctx = ui.ctx().clone();
        if let Some(d) = s.files.update(&ctx) {
            s.done.push(d);
        }
    }

    /// The dialog alone at 1280×720, with what it came to.
    fn harness(files: Files) -> Harness<'static, State> {
        Harness::builder()
            .with_size([1280.0, 720.0])
            .build_ui_state(
                frame,
                State {
                    files,
                    done: Vec::new(),
                },
            )
    }

    fn temp(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "pressroom-files-{name}-{}",
            crate::store::atomic::random()
        ));
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn save_writes_the_text_under_the_proposed_name_in_japanese() {
        let dir = temp("save");
        let mut files = Files::default();
        files.save_as(&dir, "debrief.md", "# 振り返り".into(), Lang::Ja);
        let mut h = harness(files);
        h.run();
        assert!(h.state().files.is_open());
        assert!(
            h.query_by_label_contains("名前を付けて保存").is_some(),
            "Japanese title"
        );
        h.get_by_label("📥  保存").click();
        h.run();
        let path = dir.join("debrief.md");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "# 振り返り");
        assert_eq!(
            h.state().done,
            vec![Done::Saved(format!("→ {}", path.display()))]
        );
        assert!(!h.state().files.is_open());
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn while_the_dialog_is_open_the_screens_keys_are_its_own_and_cancel_saves_nothing() {
        let dir = temp("cancel");
        let mut files = Files::default();
        files.save_as(&dir, "answers.ron", "x".into(), Lang::En);
        let mut h = harness(files);
        h.run();
        assert!(dialog_open(&h.ctx), "the screens see the dialog open");
        h.get_by_label_contains("Cancel").click();
        h.run();
        assert!(!h.state().files.is_open());
        assert!(h.state().done.is_empty());
        assert!(!dir.join("answers.ron").exists(), "nothing was written");
        h.run();
        assert!(!dialog_open(&h.ctx));
        let _ = std::fs::remove_dir_all(dir);
    }
}
