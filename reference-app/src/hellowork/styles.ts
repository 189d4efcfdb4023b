/** Stylesheet of the HelloWork stand-in, served at /assets/hellowork.css. */
export const PC_MIN_WIDTH = 768;

export const helloworkCss = `
:root { --hw-blue:#0b4ea2; --hw-navy:#0a3470; --hw-green:#1f7a3a; --hw-bg:#f3f6fa; --hw-line:#c9d3e0; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin:0; font-family:"IPAPGothic","IPAGothic","Noto Sans CJK JP","Hiragino Sans","Yu Gothic",sans-serif; color:#1c2430; background:var(--hw-bg); line-height:1.6; }
a { color:var(--hw-blue); }
.site-header { background:#fff; border-bottom:4px solid var(--hw-blue); }
.site-header .bar { display:flex; align-items:center; gap:16px; padding:10px 24px; max-width:1200px; margin:0 auto; }
.logo { display:flex; flex-direction:column; text-decoration:none; color:var(--hw-navy); font-weight:bold; line-height:1.2; }
.logo .main { font-size:20px; }
.logo .sub { font-size:12px; color:#4a5a70; font-weight:normal; }
.header-links { margin-left:auto; display:flex; gap:12px; font-size:13px; align-items:center; }
.user-name { font-size:14px; }
.btn { display:inline-flex; align-items:center; justify-content:center; border:1px solid var(--hw-blue); background:var(--hw-blue); color:#fff; border-radius:4px; padding:6px 16px; font:inherit; font-size:14px; cursor:pointer; text-decoration:none; min-height:36px; }
.btn.secondary { background:#fff; color:var(--hw-blue); }
.btn.logout { background:#fff; color:var(--hw-navy); border-color:var(--hw-navy); font-weight:bold; }
.btn.large { font-size:16px; padding:10px 20px; width:100%; }
.inline-form { display:inline; margin:0; }
.global-nav { background:var(--hw-blue); }
.global-nav ul { display:flex; gap:0; list-style:none; margin:0 auto; padding:0 24px; max-width:1200px; }
.global-nav a { display:block; color:#fff; padding:10px 18px; text-decoration:none; font-size:14px; }
.global-nav a[aria-current="page"] { background:var(--hw-navy); }
main { max-width:1200px; margin:0 auto; padding:20px 24px 40px; }
h1 { font-size:22px; color:var(--hw-navy); border-left:6px solid var(--hw-blue); padding-left:10px; margin:8px 0 16px; }
h2 { font-size:18px; color:var(--hw-navy); margin:0 0 10px; }
.card { background:#fff; border:1px solid var(--hw-line); border-radius:6px; padding:16px 20px; margin-bottom:16px; }
.mypage-layout { display:grid; grid-template-columns:1fr 300px; gap:20px; align-items:start; }
.job-card h3 { margin:0 0 8px; font-size:18px; color:var(--hw-blue); }
dl.job { display:grid; grid-template-columns:10em 1fr; margin:0; border-top:1px solid var(--hw-line); }
dl.job dt, dl.job dd { margin:0; padding:6px 8px; border-bottom:1px solid var(--hw-line); font-size:14px; }
dl.job dt { background:#eef3fa; font-weight:bold; }
.sidebar dl { margin:0 0 12px; }
.sidebar dt { font-size:12px; color:#4a5a70; }
.sidebar dd { margin:0 0 8px; font-weight:bold; }
.sidebar .greeting { font-size:18px; font-weight:bold; margin:0 0 12px; }
.top-sections { display:grid; grid-template-columns:repeat(3,1fr); gap:20px; }
.top-sections section { background:#fff; border:1px solid var(--hw-line); border-top:6px solid var(--hw-blue); border-radius:6px; padding:16px; display:flex; flex-direction:column; gap:10px; }
.top-sections section.employer { border-top-color:var(--hw-green); }
.top-sections section.provision { border-top-color:#8a5a00; }
.top-sections p { margin:0; font-size:14px; }
.offices { margin-top:20px; }
.offices ul { columns:4; font-size:14px; }
.form-row { display:flex; flex-direction:column; gap:4px; margin-bottom:12px; }
.form-row input, .form-row select { font:inherit; padding:8px; border:1px solid var(--hw-line); border-radius:4px; }
.error { color:#b00020; font-weight:bold; }
.login-box { max-width:520px; }
.notice { font-size:13px; color:#4a5a70; }
.tall { min-height:1400px; }
.page-bottom { margin-top:40px; text-align:right; }
.message-list { list-style:none; padding:0; margin:0; }
.message-list li { border-bottom:1px solid var(--hw-line); padding:10px 0; }
.sp-menu-button { display:none; }
#sp-menu { margin:0; inset:auto 8px auto auto; top:64px; border:1px solid var(--hw-line); border-radius:6px; padding:8px 0; width:min(280px, calc(100vw - 16px)); box-shadow:0 6px 24px rgba(0,0,0,.2); }
#sp-menu ul { list-style:none; margin:0; padding:0; }
#sp-menu li a, #sp-menu li button { display:block; width:100%; text-align:left; padding:12px 16px; font:inherit; font-size:16px; background:none; border:0; color:var(--hw-navy); text-decoration:none; cursor:pointer; }
#sp-menu li + li { border-top:1px solid var(--hw-line); }
.site-footer { text-align:center; font-size:12px; color:#4a5a70; padding:20px; }
@media (max-width:${PC_MIN_WIDTH - 1}px) {
  .site-header .bar { padding:8px 12px; }
  .logo .main { font-size:16px; }
  .pc-only { display:none !important; }
  .sp-menu-button { display:inline-flex; flex-direction:column; align-items:center; margin-left:auto; border:1px solid var(--hw-navy); background:#fff; color:var(--hw-navy); border-radius:4px; padding:4px 10px; font:inherit; font-size:11px; min-width:48px; min-height:44px; }
  .sp-menu-button .icon { font-size:20px; line-height:1; }
  main { padding:12px; }
  .mypage-layout, .top-sections { grid-template-columns:1fr; }
  dl.job { grid-template-columns:7em 1fr; }
  .offices ul { columns:2; }
}
`;

/**
 * The smart-device menu as a <details> disclosure (MyPageLayout.header.menu = 'details') in the smart-device header (rendered with it). Hidden at PC widths;
 * its <summary> looks like the menu button, its <nav> opens below the header like the popover.
 */
export const spMenuDetailsCss = `
.sp-menu-disclosure { display:none; }
@media (max-width:${PC_MIN_WIDTH - 1}px) {
  .sp-menu-disclosure { display:block; margin-left:auto; }
  .sp-menu-disclosure > summary { list-style:none; display:flex; align-items:center; justify-content:center; border:1px solid var(--hw-navy); background:#fff; color:var(--hw-navy); border-radius:4px; padding:4px 10px; font-size:13px; font-weight:bold; min-width:48px; min-height:44px; cursor:pointer; }
  .sp-menu-disclosure > summary::-webkit-details-marker { display:none; }
  .sp-menu-disclosure[open] > summary { background:var(--hw-navy); color:#fff; }
  .sp-menu-disclosure > nav { position:absolute; right:8px; top:64px; z-index:10; background:#fff; border:1px solid var(--hw-line); border-radius:6px; padding:8px 0; width:min(280px, calc(100vw - 16px)); box-shadow:0 6px 24px rgba(0,0,0,.2); }
  .sp-menu-disclosure ul { list-style:none; margin:0; padding:0; }
  .sp-menu-disclosure li a, .sp-menu-disclosure li button { display:block; width:100%; text-align:left; padding:12px 16px; font:inherit; font-size:16px; background:none; border:0; color:var(--hw-navy); text-decoration:none; cursor:pointer; }
  .sp-menu-disclosure li + li { border-top:1px solid var(--hw-line); }
}
`;
