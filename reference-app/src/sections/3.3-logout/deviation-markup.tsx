/**
 * Markup of §3.3's deviations that change what a browser sees and does, in both markups: each takes the selector
 * of its markup's logout control or form. Rendered only when the deviation is on (routes.tsx).
 */

/** Extra smart-device menu items of the `sp-logout-below-fold` deviation (お知らせ/ヘルプ links). */
export const EXTRA_MENU_ITEMS = [
  'お知らせ一覧',
  '重要なお知らせ',
  'システムメンテナンスのお知らせ',
  '求職者マイページの使い方',
  'よくあるご質問',
  'ヘルプ',
  '推奨環境',
  '利用規約',
  '個人情報の取扱いについて',
  'パスワードの変更',
  'メールアドレスの変更',
  '求職申込み情報の確認',
  'オンライン職業相談',
  '職業訓練について',
  '雇用保険の手続き',
  'ハローワークの所在地',
  'お問い合わせ',
] as const;

/** The text of the `logout-covered` deviation's banner. */
export const COVER_BANNER_TEXT = 'お知らせ：システムメンテナンスのため、日曜 0:00〜6:00 は一部のサービスを停止します';

/**
 * Deviation logout-covered: a fixed 「お知らせ」 banner laid across the middle of the PC logout control.
 * The control's top and bottom edges stay visible; the element at its centre point is the banner,
 * so a click there lands on the banner. A script keeps it in place (load, resize, scroll).
 */
export const CoverBanner = (props: { target: string }) => (
  <>
    <div
      id="ID_noticeBanner"
      class="notice_banner"
      style="position:fixed;z-index:1000;display:none;height:26px;line-height:26px;padding:0 8px;overflow:hidden;white-space:nowrap;font-size:12px;background:#fff4cc;color:#5a4400;border:1px solid #e0b400;box-shadow:0 1px 4px rgba(0,0,0,.25);"
    >
      {COVER_BANNER_TEXT}
    </div>
    <script
      dangerouslySetInnerHTML={{
        __html: `(function(){var t=document.querySelector(${JSON.stringify(props.target)}),b=document.getElementById('ID_noticeBanner');if(!t||!b)return;function place(){var r=t.getBoundingClientRect();if(!r.width||!r.height){b.style.display='none';return;}b.style.display='block';b.style.top=Math.round(r.top+r.height/2-13)+'px';b.style.left=Math.max(0,Math.round(r.left-200))+'px';b.style.width=Math.round(r.width+220)+'px';}place();window.addEventListener('resize',place);window.addEventListener('scroll',place,true);})();`,
      }}
    />
  </>
);

/** Deviation first-click-ignored: the first submit of any logout form on the page is cancelled; later ones go through. */
export const FirstClickIgnored = (props: { forms: string }) => (
  <script
    dangerouslySetInnerHTML={{
      __html: `(function(){var seen=false,f=document.querySelectorAll(${JSON.stringify(props.forms)});for(var i=0;i<f.length;i++){f[i].addEventListener('submit',function(e){if(!seen){seen=true;e.preventDefault();}});}})();`,
    }}
  />
);

/** What the `logout-confirm-dialog` deviation asks (window.confirm) before a logout form is submitted. */
export const LOGOUT_CONFIRM_MESSAGE = 'ログアウトしますか？';

/** Deviation logout-confirm-dialog: every logout form on the page asks first; cancel stops the submit, OK lets it go. */
export const ConfirmLogout = (props: { forms: string }) => (
  <script
    dangerouslySetInnerHTML={{
      __html: `(function(){var f=document.querySelectorAll(${JSON.stringify(props.forms)});for(var i=0;i<f.length;i++){f[i].addEventListener('submit',function(e){if(!window.confirm(${JSON.stringify(LOGOUT_CONFIRM_MESSAGE)}))e.preventDefault();});}})();`,
    }}
  />
);
