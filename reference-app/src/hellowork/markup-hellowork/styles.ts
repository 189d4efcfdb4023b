/** Stylesheets of the `hellowork` markup: top.css on the www host, kyushoku.css on the kyushoku host. */
import { HELLOWORK_PC_MIN_WIDTH } from '../../markup.ts';

const SP = `@media screen and (max-width:${HELLOWORK_PC_MIN_WIDTH - 1}px)`;
const PC = `@media screen and (min-width:${HELLOWORK_PC_MIN_WIDTH}px)`;

const base = `
* { box-sizing:border-box; }
html { -webkit-text-size-adjust:100%; }
body { margin:0; font-family:"IPAPGothic","IPAGothic","Noto Sans CJK JP","Meiryo",sans-serif; font-size:14px; color:#333; background:#fff; line-height:1.5; }
a { color:#0050a0; }
img { border:0; vertical-align:middle; }
ul { margin:0; padding:0; list-style:none; }
.footer { margin-top:32px; background:#eef2f6; border-top:1px solid #c8d2dc; padding:16px 12px; text-align:center; font-size:12px; }
.footer_link { display:flex; justify-content:center; gap:16px; margin-bottom:6px; }
.copyright { margin:0; color:#666; }
`;

export const topCss = `${base}
#top_header { border-bottom:3px solid #0068b7; background:#fff; }
#top_header .header_inner { max-width:1100px; margin:0 auto; padding:8px 16px; display:flex; align-items:center; }
#top_header .header_logo { margin:0; font-size:0; }
#top_header .header_menu { margin-left:auto; display:flex; gap:14px; font-size:13px; }
.top_main { max-width:1100px; margin:0 auto; padding:20px 16px; }
.top_boxes { display:flex; gap:16px; align-items:stretch; }
.top_box { flex:1; border:1px solid #b9c8d8; border-radius:4px; background:#f7fafd; padding:0 14px 16px; display:flex; flex-direction:column; gap:10px; }
.top_box .box_ttl { margin:0 -14px; padding:8px 14px; font-size:16px; font-weight:bold; color:#fff; background:#0068b7; border-radius:3px 3px 0 0; }
.top_box_kyujin .box_ttl { background:#2e8b57; }
.top_box_teikyo .box_ttl { background:#8b6914; }
.box_txt { margin:0; font-size:13px; }
.btn_login, .btn_search { display:block; text-align:center; text-decoration:none; border-radius:4px; padding:10px; font-weight:bold; }
.btn_login { background:#f08300; color:#fff; border:1px solid #d06a00; font-size:15px; }
.btn_search { background:#fff; color:#0068b7; border:1px solid #0068b7; }
.link_arrow { font-size:13px; }
.link_arrow::before { content:"▶ "; font-size:10px; }
.shozaichi_box { margin-top:20px; border:1px solid #b9c8d8; border-radius:4px; padding:0 14px 12px; }
.shozaichi_box .box_ttl { margin:0 -14px 8px; padding:8px 14px; font-weight:bold; background:#e3ecf5; color:#00417a; }
.pref_list { display:grid; grid-template-columns:9em 1fr; margin:0; font-size:13px; }
.pref_list dt { font-weight:bold; padding:4px 0; border-bottom:1px dotted #ccc; }
.pref_list dd { margin:0; padding:4px 0; border-bottom:1px dotted #ccc; display:flex; flex-wrap:wrap; gap:4px 12px; }
${SP} {
  #top_header .header_menu { display:none; }
  .top_boxes { flex-direction:column; }
  .pref_list { grid-template-columns:1fr; }
}
`;

export const kyushokuCss = `${base}
.header_public, .header_pc { border-bottom:3px solid #0068b7; background:#fff; }
.header_inner { max-width:1100px; margin:0 auto; padding:6px 16px; display:flex; align-items:center; gap:12px; height:64px; }
.site_sub { font-size:13px; font-weight:bold; color:#00417a; border-left:1px solid #ccc; padding-left:12px; }
.header_user { margin-left:auto; display:flex; align-items:center; gap:14px; }
.header_user .user_name { font-size:14px; }
.logout_form { display:inline; margin:0; }
.btn_logout { font:inherit; font-size:14px; font-weight:bold; color:#00417a; background:#fff; border:2px solid #00417a; border-radius:4px; padding:6px 18px; min-height:38px; cursor:pointer; }
.gnavi { background:#0068b7; }
.gnavi ul { max-width:1100px; margin:0 auto; padding:0 16px; display:flex; }
.gnavi a { display:block; padding:9px 18px; color:#fff; text-decoration:none; }
.gnavi li.current a { background:#00417a; }
.header_sp, .sp_menu { display:none; }
.container { max-width:1100px; margin:0 auto; padding:12px 16px 24px; }
.page_title { font-size:20px; font-weight:bold; color:#00417a; padding:8px 12px; margin:8px 0 16px; background:#eef4fa; border-left:6px solid #0068b7; }
.sec_ttl, .box_ttl { font-weight:bold; color:#00417a; border-bottom:2px solid #0068b7; padding-bottom:4px; margin:0 0 10px; }
.col_wrap { display:flex; gap:20px; align-items:flex-start; }
.col_main { flex:1; }
.col_side { width:290px; border:1px solid #c8d2dc; border-radius:4px; padding:12px; background:#fafcfe; }
.side_name { font-size:17px; font-weight:bold; margin:0 0 10px; }
.kyujin_box { border:1px solid #c8d2dc; border-radius:4px; padding:12px; margin-bottom:12px; }
.kyujin_ttl { font-size:17px; font-weight:bold; color:#0050a0; margin:0 0 8px; }
.kyujin_btn { margin-top:10px; text-align:right; }
table { border-collapse:collapse; width:100%; }
.tbl_kyujin th, .tbl_kyujin td, .tbl_input th, .tbl_input td, .tbl_list th, .tbl_list td { border:1px solid #c8d2dc; padding:6px 8px; text-align:left; vertical-align:top; }
.tbl_kyujin th, .tbl_input th, .tbl_list th { background:#eef4fa; width:11em; font-weight:bold; }
.tbl_side th, .tbl_side td { display:block; text-align:left; padding:0; }
.tbl_side th { font-size:12px; color:#666; font-weight:normal; }
.tbl_side td { font-weight:bold; margin-bottom:8px; }
.tbl_input { max-width:640px; }
.txt_long { width:100%; font:inherit; padding:6px; border:1px solid #999; border-radius:3px; }
select { font:inherit; padding:5px; }
.btn_area { margin:16px 0; }
.btn_primary { font:inherit; font-size:15px; font-weight:bold; color:#fff; background:#f08300; border:1px solid #d06a00; border-radius:4px; padding:8px 40px; cursor:pointer; }
.btn_sub { display:inline-block; font-size:14px; color:#0050a0; background:#fff; border:1px solid #0050a0; border-radius:4px; padding:6px 14px; text-decoration:none; }
.btn_block { display:block; text-align:center; }
.err_msg { border:1px solid #d00; background:#fff0f0; color:#c00; padding:8px 12px; margin-bottom:12px; font-weight:bold; }
.err_msg p { margin:0; }
.login_area, .myna_area { max-width:680px; border:1px solid #c8d2dc; border-radius:4px; padding:12px 16px; margin-bottom:16px; }
.lead { margin-top:0; }
.tbl_list thead th { width:auto; }
.bottom_logout { margin-top:40px; text-align:right; }
${PC} {
  .header_sp, .sp_menu, #ID_header_sp, #ID_spMenu { display:none !important; }
}
${SP} {
  #ID_header_pc, .pc_only { display:none !important; }
  .header_public .header_inner { height:auto; }
  .header_sp { display:flex; align-items:center; gap:8px; padding:6px 8px; border-bottom:3px solid #0068b7; background:#fff; height:56px; }
  .header_sp .user_name { margin-left:auto; font-size:12px; }
  .sp_menu_btn { display:inline-flex; align-items:center; justify-content:center; width:44px; height:44px; border:1px solid #0068b7; border-radius:4px; }
  .sp_menu { position:absolute; left:0; right:0; top:56px; z-index:100; background:#fff; border-bottom:3px solid #0068b7; box-shadow:0 6px 16px rgba(0,0,0,.25); }
  .sp_menu.is_open { display:block; }
  .sp_menu_list li { border-bottom:1px solid #dde4ec; }
  .sp_menu_list a { display:block; padding:12px 16px; font-size:15px; color:#00417a; text-decoration:none; }
  .sp_menu_list .sp_menu_info a { font-size:14px; color:#555; }
  .sp_menu_logout { padding:12px 16px; }
  .btn_logout_sp { display:block; width:100%; font:inherit; font-size:15px; font-weight:bold; color:#fff; background:#00417a; border:0; border-radius:4px; padding:10px; cursor:pointer; }
  .container { padding:8px 10px 16px; }
  .page_title { font-size:17px; }
  .col_wrap { flex-direction:column; }
  .col_side { width:100%; }
  .tbl_kyujin th, .tbl_input th { width:7em; }
}
`;

/**
 * The smart-device menu as a <details> disclosure (MyPageLayout.header.menu = 'details') in the smart-device header (rendered with it, which is hidden at PC
 * widths). Its <summary> is a bordered button like the image link's, its <nav> opens below the header like #ID_spMenu.
 */
export const spMenuDetailsCss = `
.sp_menu_details > summary { list-style:none; display:flex; align-items:center; justify-content:center; min-width:44px; height:44px; padding:0 8px; border:1px solid #0068b7; border-radius:4px; color:#0068b7; font-size:12px; font-weight:bold; cursor:pointer; }
.sp_menu_details > summary::-webkit-details-marker { display:none; }
.sp_menu_details[open] > summary { background:#0068b7; color:#fff; }
.sp_menu_details > nav { position:absolute; left:0; right:0; top:56px; z-index:100; background:#fff; border-bottom:3px solid #0068b7; box-shadow:0 6px 16px rgba(0,0,0,.25); }
`;
