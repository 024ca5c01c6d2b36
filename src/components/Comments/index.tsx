import { issueFormToken } from '@/comments/formToken'
import { formatDateTime } from '@/lib/dates'
import { countThread, type PublicComment } from '@/queries/comments'

import { CommentForm } from './CommentForm.client'
import { NOTICES, noticeId } from './notices'

function CommentItem({
  comment,
  articleId,
  token,
  open,
}: {
  comment: PublicComment
  articleId: number
  token: string
  open: boolean
}) {
  return (
    <li id={`comment-${comment.id}`} className="comment">
      <article aria-labelledby={`comment-${comment.id}-author`}>
        <p className="comment__meta">
          <bdi id={`comment-${comment.id}-author`} className="comment__author">
            {comment.authorName}
          </bdi>{' '}
          <time dateTime={comment.createdAt}>{formatDateTime(comment.createdAt)}</time>
        </p>
        <p className="comment__body" dir="auto">
          {comment.body}
        </p>
      </article>
      {open && (
        <details className="comment__reply">
          <summary>
            Reply<span className="visually-hidden"> to {comment.authorName}</span>
          </summary>
          <CommentForm articleId={articleId} parentId={comment.id} token={token} />
        </details>
      )}
      {comment.replies.length > 0 && (
        <ol
          className="comment-list comment-list--replies"
          aria-label={`Replies to ${comment.authorName}`}
        >
          {comment.replies.map((reply) => (
            <CommentItem
              key={reply.id}
              comment={reply}
              articleId={articleId}
              token={token}
              open={false}
            />
          ))}
        </ol>
      )}
    </li>
  )
}

/**
 * The discussion under an article: approved comments oldest first with their
 * replies, the form (or a closed note), and the notices a reader without
 * JavaScript lands on after posting.
 */
export function Comments({
  articleId,
  thread,
  open,
}: {
  articleId: number
  thread: PublicComment[]
  open: boolean
}) {
  const count = countThread(thread)
  const token = issueFormToken(articleId)
  return (
    <section id="comments" className="comments" aria-labelledby="comments-heading">
      <h2 id="comments-heading">
        Comments{count > 0 && <span className="comments__count"> ({count})</span>}
      </h2>
      <div className="comment-notices">
        {(Object.keys(NOTICES) as (keyof typeof NOTICES)[]).map((code) => (
          <p
            key={code}
            id={noticeId(code)}
            className={code === 'received' ? 'notice notice--ok' : 'notice notice--error'}
            tabIndex={-1}
          >
            {NOTICES[code]}
          </p>
        ))}
      </div>
      {count === 0 ? (
        <p className="comments__empty">No comments yet.</p>
      ) : (
        <ol className="comment-list">
          {thread.map((comment) => (
            <CommentItem
              key={comment.id}
              comment={comment}
              articleId={articleId}
              token={token}
              open={open}
            />
          ))}
        </ol>
      )}
      {open ? (
        <div className="comments__new">
          <h3 id="comment-form-heading">Leave a comment</h3>
          <CommentForm articleId={articleId} token={token} labelledBy="comment-form-heading" />
        </div>
      ) : (
        <p className="comments__closed">Comments on this article are closed.</p>
      )}
    </section>
  )
}
