/** Where an article page reports that it was read (app/(frontend)/next/views/route.ts). */
export const VIEWS_ENDPOINT = '/next/views'

/**
 * Counts a reader's view of an article, first-party: a few bytes of inline
 * script (allowed by its hash, like every inline script on reader pages)
 * that sends one beacon once the page is really shown (not while a browser
 * prerenders it), and an image for readers without JavaScript. No cookie,
 * no identifier; the server decides what counts.
 */
export function ViewBeacon({ articleId }: { articleId: number }) {
  const url = `${VIEWS_ENDPOINT}?article=${articleId}`
  const script = `(function(){var d=document;function s(){var n=navigator,b=JSON.stringify({article:${articleId}});n.sendBeacon&&n.sendBeacon("${VIEWS_ENDPOINT}",b)||(new Image().src="${url}")}d.prerendering?d.addEventListener("prerenderingchange",s,{once:true}):s()})()`
  return (
    <>
      <script dangerouslySetInnerHTML={{ __html: script }} />
      <noscript>
        <img src={url} alt="" width={1} height={1} />
      </noscript>
    </>
  )
}
