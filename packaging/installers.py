"""Turn the PyInstaller bundle into what users download, one function per OS.

Called by build.py after the bundle passed its checks. Signing steps run only when their
credentials are in the environment (never stored in the repository):

macOS   CAIRN_CODESIGN_IDENTITY  "Developer ID Application: Name (TEAMID)" (also read by the
                                 spec, which signs every binary with hardened runtime)
        CAIRN_NOTARY_PROFILE     a `xcrun notarytool store-credentials` profile, or else
        APPLE_ID, APPLE_TEAM_ID, APPLE_APP_PASSWORD (an app-specific password)
Windows CAIRN_WIN_CERT_FILE, CAIRN_WIN_CERT_PASSWORD  a .pfx for signtool (Authenticode)
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
DESKTOP = ROOT / "resources" / "cairn.desktop"
HICOLOR_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
# Libraries the Qt xcb platform plugin loads from the system (PyInstaller bundles Qt itself).
DEB_DEPENDS = (
    "libc6 (>= 2.36)",  # the glibc of the build machine (Debian 12)
    "libegl1",
    "libgl1",
    "libglib2.0-0",
    "libdbus-1-3",
    "libfontconfig1",
    "libxkbcommon0",
    "libxkbcommon-x11-0",
    "libx11-xcb1",
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-image0",
    "libxcb-keysyms1",
    "libxcb-randr0",
    "libxcb-render-util0",
    "libxcb-shape0",
    "libxcb-xfixes0",
    "libxcb-xkb1",
)
DEB_RECOMMENDS = ("fonts-noto-cjk",)  # Chinese and Japanese text
# Debian requires a maintainer; set CAIRN_DEB_MAINTAINER="Name <email>" for a release
# (.invalid is a reserved domain: an honest placeholder, not a made-up address).
DEFAULT_MAINTAINER = "Cairn maintainers <maintainers@cairn.invalid>"


class PackagingError(Exception):
    """An installer step failed: printed as one line by build.py."""


def _run(cmd: list[str], **kwargs) -> None:
    print("+", " ".join(cmd), flush=True)
    done = subprocess.run(cmd, **kwargs)
    if done.returncode != 0:
        raise PackagingError(f"`{cmd[0]}` failed with status {done.returncode}")


def package(dist: Path, version: str, work: Path) -> list[Path]:
    if sys.platform.startswith("linux"):
        return [linux_tarball(dist, version), linux_deb(dist, version, work)]
    if sys.platform == "darwin":
        return [macos_dmg(dist, version, work)]
    if sys.platform == "win32":
        return windows_installers(dist, version)
    raise PackagingError(f"no installer recipe for {sys.platform}")


# ---------------------------------------------------------------- Linux


def linux_tarball(dist: Path, version: str) -> Path:
    """cairn-<v>-linux-x86_64.tar.gz holding the cairn/ folder (run cairn/cairn)."""
    out = dist / f"cairn-{version}-linux-x86_64.tar.gz"
    _run(["tar", "-C", str(dist), "-czf", str(out), "cairn"])
    return out


def deb_control(version: str, installed_kib: int) -> str:
    return (
        "Package: cairn\n"
        f"Version: {version}\n"
        "Section: utils\n"
        "Priority: optional\n"
        "Architecture: amd64\n"
        f"Maintainer: {os.environ.get('CAIRN_DEB_MAINTAINER', DEFAULT_MAINTAINER)}\n"
        f"Installed-Size: {installed_kib}\n"
        f"Depends: {', '.join(DEB_DEPENDS)}\n"
        f"Recommends: {', '.join(DEB_RECOMMENDS)}\n"
        "Description: private AI assistant running Qwen3.5 on this computer\n"
        " Chat, summarise videos with timestamps and ask questions about documents\n"
        " with citations, with Alibaba's Qwen3.5 small models running locally.\n"
        " Models download once; after that nothing leaves the machine.\n"
    )


def stage_deb(dist: Path, version: str, staging: Path) -> Path:
    """The .deb's file tree: /opt/cairn, /usr/bin/cairn, desktop entry and icons."""
    if staging.exists():
        shutil.rmtree(staging)
    opt = staging / "opt" / "cairn"
    # Hard links instead of copies: 650 MB staged in a moment (falls back to copying).
    try:
        shutil.copytree(dist / "cairn", opt, symlinks=True, copy_function=os.link)
    except OSError:
        shutil.rmtree(opt, ignore_errors=True)
        shutil.copytree(dist / "cairn", opt, symlinks=True)
    bin_dir = staging / "usr" / "bin"
    bin_dir.mkdir(parents=True)
    (bin_dir / "cairn").symlink_to("../../opt/cairn/cairn")
    apps = staging / "usr" / "share" / "applications"
    apps.mkdir(parents=True)
    shutil.copy2(DESKTOP, apps / "cairn.desktop")
    for n in HICOLOR_SIZES:
        icon_dir = staging / "usr" / "share" / "icons" / "hicolor" / f"{n}x{n}" / "apps"
        icon_dir.mkdir(parents=True)
        shutil.copy2(ICONS / f"cairn_{n}.png", icon_dir / "cairn.png")
    installed = sum(
        os.lstat(os.path.join(d, f)).st_size for d, _, files in os.walk(staging) for f in files
    )
    debian = staging / "DEBIAN"
    debian.mkdir()
    (debian / "control").write_text(deb_control(version, installed // 1024 + 1))
    for p in staging.rglob("*"):  # dpkg wants 0755 dirs and no group/world write bits
        if not p.is_symlink():
            p.chmod(p.stat().st_mode & ~0o022 | (0o755 if p.is_dir() else 0))
    return staging


def linux_deb(dist: Path, version: str, work: Path) -> Path:
    """cairn_<v>_amd64.deb (zstd: Debian 12 / Ubuntu 22.04 and later read it, as the glibc
    requirement already implies; about as small as xz and many times faster to build)."""
    if not shutil.which("dpkg-deb"):
        raise PackagingError("dpkg-deb not found (apt-get install dpkg)")
    staging = stage_deb(dist, version, work / f"cairn_{version}_amd64")
    out = dist / f"cairn_{version}_amd64.deb"
    _run(["dpkg-deb", "--root-owner-group", "-Zzstd", "--build", str(staging), str(out)])
    shutil.rmtree(staging)
    return out


# ---------------------------------------------------------------- macOS


def _notarize(dmg: Path) -> None:
    profile = os.environ.get("CAIRN_NOTARY_PROFILE")
    if profile:
        auth = ["--keychain-profile", profile]
    elif all(os.environ.get(k) for k in ("APPLE_ID", "APPLE_TEAM_ID", "APPLE_APP_PASSWORD")):
        auth = ["--apple-id", os.environ["APPLE_ID"], "--team-id", os.environ["APPLE_TEAM_ID"]]
        auth += ["--password", os.environ["APPLE_APP_PASSWORD"]]
    else:
        print("notarisation skipped: set CAIRN_NOTARY_PROFILE or APPLE_ID/APPLE_TEAM_ID/"
              "APPLE_APP_PASSWORD")  # fmt: skip
        return
    _run(["xcrun", "notarytool", "submit", str(dmg), *auth, "--wait"])
    _run(["xcrun", "stapler", "staple", str(dmg)])


def macos_dmg(dist: Path, version: str, work: Path) -> Path:
    """Cairn-<v>-macos-arm64.dmg with Cairn.app and a link to /Applications to drag it to."""
    app = dist / "Cairn.app"
    identity = os.environ.get("CAIRN_CODESIGN_IDENTITY")
    if identity:  # PyInstaller signed every binary and the .app (hardened runtime): check it
        _run(["codesign", "--verify", "--deep", "--strict", "--verbose=2", str(app)])
    else:
        print("code signing skipped: set CAIRN_CODESIGN_IDENTITY to sign")
    staging = work / "dmg"
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir(parents=True)
    _run(["ditto", str(app), str(staging / "Cairn.app")])  # keeps signatures and xattrs
    (staging / "Applications").symlink_to("/Applications")
    out = dist / f"Cairn-{version}-macos-arm64.dmg"
    _run(["hdiutil", "create", "-volname", "Cairn", "-srcfolder", str(staging), "-ov",
          "-format", "UDZO", str(out)])  # fmt: skip
    if identity:
        _run(["codesign", "--force", "--timestamp", "--sign", identity, str(out)])
        _notarize(out)
    shutil.rmtree(staging)
    return out


# ---------------------------------------------------------------- Windows


def _signtool(paths: list[Path]) -> None:
    cert, password = (
        os.environ.get("CAIRN_WIN_CERT_FILE"),
        os.environ.get("CAIRN_WIN_CERT_PASSWORD"),
    )
    if not cert:
        print("Authenticode signing skipped: set CAIRN_WIN_CERT_FILE (and _PASSWORD)")
        return
    tool = shutil.which("signtool")
    if not tool:
        raise PackagingError("CAIRN_WIN_CERT_FILE is set but signtool.exe is not on PATH")
    cmd = [tool, "sign", "/f", cert, "/fd", "sha256", "/tr", "http://timestamp.digicert.com"]
    cmd += ["/td", "sha256"] + (["/p", password] if password else [])
    _run([*cmd, *(str(p) for p in paths)])


def find_iscc() -> str | None:
    found = shutil.which("iscc")
    if found:
        return found
    for base in (os.environ.get("ProgramFiles(x86)"), os.environ.get("ProgramFiles")):
        candidate = Path(base or "") / "Inno Setup 6" / "ISCC.exe"
        if base and candidate.exists():
            return str(candidate)
    return None


def windows_installers(dist: Path, version: str) -> list[Path]:
    """A portable .zip of the folder, and Cairn-<v>-windows-x64-setup.exe when Inno Setup is
    installed (https://jrsoftware.org/isdl.php; `choco install innosetup` on CI)."""
    folder = dist / "cairn"
    _signtool([folder / "Cairn.exe", folder / "cairn-cli.exe"])
    archive = shutil.make_archive(str(dist / f"cairn-{version}-windows-x64"), "zip", dist, "cairn")
    artifacts = [Path(archive)]
    iscc = find_iscc()
    if not iscc:
        print("Inno Setup (iscc) not found: only the .zip was made")
        return artifacts
    script = ROOT / "packaging" / "windows" / "cairn.iss"
    _run([iscc, f"/DAppVersion={version}", f"/DSourceDir={folder}", f"/DOutputDir={dist}",
          f"/DIconFile={ICONS / 'cairn.ico'}", str(script)])  # fmt: skip
    setup = dist / f"Cairn-{version}-windows-x64-setup.exe"
    _signtool([setup])
    artifacts.append(setup)
    return artifacts
