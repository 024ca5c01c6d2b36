vcl 4.1;

import directors;
import std;
import xkey;

# Broadsheet's readers' path: Varnish in front of the app's replicas.
# `npm run start:edge`, `npm run start:cluster` (src/edge/varnish.ts) and
# docker-compose.yml render the BROADSHEET_* placeholders below; everything else
# is plain VCL. src/edge/varnish.ts repeats the backend (and its add_backend
# line) once per replica; with one replica the template is used as it is.

# A replica that stops answering, or says it is shutting down (/api/health answers 503
# from SIGTERM on), is taken out of the rotation within about two seconds, and put back
# once it answers again. Liveness, not readiness: with the database down every replica
# still serves its cached pages.
probe replica_alive {
  .url = "/api/health";
  .interval = 1s;
  .timeout = 1s;
  .window = 3;
  .threshold = 2;
  .initial = 2;
}

# BROADSHEET_BACKENDS_BEGIN
backend app1 {
  .host = "BROADSHEET_BACKEND_HOST";
  .port = "BROADSHEET_BACKEND_PORT";
  .connect_timeout = 2s;
  .first_byte_timeout = 30s;
  .between_bytes_timeout = 10s;
  .probe = replica_alive;
}
# BROADSHEET_BACKENDS_END

sub vcl_init {
  new replicas = directors.round_robin();
  # BROADSHEET_DIRECTOR_BEGIN
  replicas.add_backend(app1);
  # BROADSHEET_DIRECTOR_END
}

# Who may PURGE: the app's own addresses, never a range.
acl purgers {
  BROADSHEET_PURGERS
}

sub vcl_recv {
  set req.backend_hint = replicas.backend();
  # Surrogate keys are the app's word about a page, never a client's.
  unset req.http.xkey;
  unset req.http.Surrogate-Key;
  unset req.http.X-Cache;
  unset req.http.X-Broadsheet-Pass;
  # The request's id is the proxy's, never a client's (the app believes the proxy's: TRUSTED_PROXIES).
  set req.http.X-Request-Id = "varnish-" + server.identity + "-" + req.xid;

  # Readiness names the database's and Redis's errors and the migrations a server lacks: for
  # the orchestrator, which asks each replica directly, and the app's own host — not for readers.
  if (req.url ~ "^/api/ready" && client.ip !~ purgers) {
    return (synth(404, "Not found"));
  }

  if (req.method == "PURGE") {
    if (client.ip !~ purgers) {
      return (synth(403, "Purging is only for the app."));
    }
    # The app purges by surrogate key after every change (src/edge/purge.ts).
    # Soft: a purged page is still served from grace while its fresh copy is
    # fetched, or while the app or its database is down.
    # Hard for what no reader may get again (an unpublished article, a
    # deleted image, a not-found page where an article now is).
    if (req.http.X-Purge-Keys && req.http.X-Purge-Hard) {
      set req.http.X-Purged = xkey.purge(req.http.X-Purge-Keys);
      return (synth(200, "Removed " + req.http.X-Purged + " objects"));
    }
    if (req.http.X-Purge-Keys) {
      set req.http.X-Purged = xkey.softpurge(req.http.X-Purge-Keys);
      return (synth(200, "Purged " + req.http.X-Purged + " objects"));
    }
    return (purge);
  }
  unset req.http.X-Purge-Keys;
  unset req.http.X-Purge-Hard;

  # The app re-warming a page right after purging it: fetch a fresh copy for
  # it and store that. From anyone else the header means nothing.
  if (req.http.X-Broadsheet-Warm && client.ip ~ purgers) {
    set req.hash_always_miss = true;
  } else {
    unset req.http.X-Broadsheet-Warm;
  }

  # Writes (comments, the admin's saves, presence heartbeats) are never stored, and their answer
  # keeps the app's own Cache-Control (no-store, private) rather than the one given to pages.
  if (req.method != "GET" && req.method != "HEAD") {
    set req.http.X-Broadsheet-Pass = "1";
    return (pass);
  }

  # Uploaded images are public files: stored like pages (cookies dropped),
  # unless someone logged in asks.
  # path-rule media-files (src/edge/paths.ts; tests/unit/pathRules.spec.ts holds the two together)
  if (req.url ~ "^/api/media/file/" &&
      req.http.Cookie !~ "(^|;\s*)payload-token=" && !req.http.Authorization) {
    unset req.http.Cookie;
    set req.url = regsub(req.url, "\?.*$", "");
    return (hash);
  }

  # Next's client-router requests (RSC payloads) vary by headers the proxy
  # does not key on; reader pages use plain links, so nobody needs them stored.
  if (req.http.RSC || req.http.Next-Router-State-Tree || req.http.Next-Router-Prefetch ||
      req.http.Next-Router-Segment-Prefetch || req.url ~ "[?&]_rsc=") {
    set req.http.X-Broadsheet-Pass = "1";
    return (pass);
  }

  # The admin, the API, the app's own endpoints (preview, comments, jobs),
  # and anyone logged in or in draft mode: straight to the app, untouched.
  # path-rule pass
  if (req.url ~ "^/(admin|api|next)(/|\?|$)" ||
      req.http.Cookie ~ "(^|;\s*)(payload-token|__prerender_bypass|__next_preview_data)=" ||
      req.http.Authorization) {
    set req.http.X-Broadsheet-Pass = "1";
    return (pass);
  }

  # Search answers from the database and is current at once.
  # path-rule search
  if (req.url ~ "^/search(\?|$)") {
    set req.http.X-Broadsheet-Pass = "1";
    return (pass);
  }

  # An imported WordPress site's old query permalinks (/?p=123, /?page_id=7):
  # the app answers each with its redirect. Kept whole and passed, so the
  # query reaches the app and no number is stored as a copy of the home page.
  # path-rule wordpress-permalink
  if (req.url ~ "^/\?(p|page_id)=[0-9]{1,12}$") {
    set req.http.X-Broadsheet-Pass = "1";
    return (pass);
  }

  # Reader pages: no cookie matters, and only ?page=N changes what a page
  # shows; anything else (?utm_…, ?x=random) is dropped so it cannot fill
  # the cache.
  unset req.http.Cookie;
  if (req.url ~ "\?") {
    if (req.url ~ "[?&]page=[0-9]{1,6}(&|#|$)") {
      set req.url = regsub(req.url, "^([^?]*)\?(?:.*&)?page=([0-9]{1,6})(?:[&#].*)?$", "\1?page=\2");
    } else {
      set req.url = regsub(req.url, "\?.*$", "");
    }
  }

  # Two stored variants at most: gzip, or plain for the clients that cannot
  # take it. No per-request gunzip (http_gzip_support is off).
  if (req.http.Accept-Encoding ~ "gzip") {
    set req.http.Accept-Encoding = "gzip";
  } else {
    unset req.http.Accept-Encoding;
  }
  return (hash);
}

# One site: a page is its URL (normalised above), whatever Host a client or
# the app's re-warming request names.
sub vcl_hash {
  hash_data(req.url);
  return (lookup);
}

sub vcl_backend_response {
  if (bereq.uncacheable) {
    return (deliver);
  }
  # A failing app never replaces a good page: keep serving the stale copy
  # (a background refresh, or the app re-warming a page it just purged).
  if (beresp.status >= 500 && (bereq.is_bgfetch || bereq.http.X-Broadsheet-Warm)) {
    return (abandon);
  }
  # The app's Cache-Control is for browsers (Next marks per-request pages
  # no-store); on reader paths the proxy decides. A response that sets a
  # cookie is someone's own and is never stored.
  if (beresp.http.Set-Cookie || beresp.status >= 500) {
    set beresp.uncacheable = true;
    set beresp.ttl = 1s;
    return (deliver);
  }
  # Next's build files are named by their content: kept a week, and the
  # app's `immutable` lifetime goes on to browsers.
  if (bereq.url ~ "^/_next/static/" && beresp.status == 200) {
    set beresp.ttl = 7d;
    set beresp.grace = 24h;
    return (deliver);
  }
  # An image is purged by its path's key when it is changed or deleted
  # (collections/Media/hooks).
  if (bereq.url ~ "^/api/media/file/" && beresp.status == 200) {
    set beresp.http.xkey = "path:" + regsub(bereq.url, "\?.*$", "");
    set beresp.http.Surrogate-Control = "max-age=3600";
  }
  # Pages that name their surrogate keys (every reader page, proxy.ts) are
  # kept as long as the app says (Surrogate-Control, an hour): a change purges
  # them by key. Anything else, and a copy the app itself had gone stale on,
  # is a one-second microcache: one render a second at most, however many
  # readers. Not-found answers are kept a minute at most, so random URLs
  # cycle out of the cache rather than crowd it. A day of grace keeps pages
  # up while the app or its database is down.
  if (beresp.http.xkey && beresp.http.Surrogate-Control ~ "max-age=[0-9]+" &&
      beresp.http.X-Nextjs-Cache != "STALE") {
    set beresp.ttl = std.duration(
      regsub(beresp.http.Surrogate-Control, "^.*max-age=([0-9]+).*$", "\1s"), 1s);
  } else {
    set beresp.ttl = 1s;
  }
  if (beresp.status != 200 && beresp.status != 301 && beresp.status != 308 &&
      beresp.ttl > 60s) {
    set beresp.ttl = 60s;
  }
  unset beresp.http.Surrogate-Control;
  set beresp.grace = 24h;
  # Only pages worth keeping through an outage get the day of grace: random
  # not-found addresses cycle out of the cache within seconds.
  if (beresp.status != 200 && beresp.status != 301 && beresp.status != 308) {
    set beresp.grace = 10s;
  }
  set beresp.keep = 0s;
  return (deliver);
}

sub vcl_backend_error {
  # A replica that died mid-fetch (or refused the connection before its probe
  # noticed): a read is asked again of the next replica, so readers never see
  # it. Writes are not repeated: the client is told, and may send it again.
  # Each replica is tried once before the reader is told. The retry goes to the
  # replica after the one that failed, while the probes still count it healthy:
  # the round-robin director is shared by every request in flight, so left to
  # itself it may pick the dying replica again. Otherwise the director picks,
  # and it picks only replicas the probes count healthy.
  if ((bereq.method == "GET" || bereq.method == "HEAD") && bereq.retries < BROADSHEET_RETRIES) {
    set bereq.backend = replicas.backend();
    # BROADSHEET_RETRY_BEGIN
    if (beresp.backend == app1 && std.healthy(app1)) {
      set bereq.backend = app1;
    }
    # BROADSHEET_RETRY_END
    return (retry);
  }
  # Refreshing a copy in the background failed: keep serving the copy.
  if (bereq.is_bgfetch || bereq.http.X-Broadsheet-Warm) {
    return (abandon);
  }
  # The app is unreachable and nothing stale is at hand: a designed page,
  # kept for a second so a crowd doesn't pile onto an app that is down.
  set beresp.ttl = 1s;
  set beresp.grace = 0s;
  set beresp.http.Content-Type = "text/html; charset=utf-8";
  set beresp.http.Retry-After = "30";
  synthetic({"<!doctype html><html lang="en"><meta charset="utf-8"><title>Back shortly — Broadsheet</title><main><h1>We’ll be right back</h1><p>The site is busy or being updated. Please try again in a minute.</p></main></html>"});
  set beresp.status = 503;
  return (deliver);
}

sub vcl_deliver {
  if (req.http.X-Broadsheet-Pass) {
    set resp.http.X-Cache = "PASS";
  } elsif (obj.hits > 0 && obj.ttl < 0s) {
    # Past its second, served from grace while a fresh copy is fetched (or the app is down).
    set resp.http.X-Cache = "HIT-STALE";
  } elsif (obj.hits > 0) {
    set resp.http.X-Cache = "HIT";
  } else {
    set resp.http.X-Cache = "MISS";
  }
  if (!req.http.X-Broadsheet-Pass && req.url !~ "^/_next/static/") {
    # The long lifetime is the proxy's: browsers and any CDN beyond it ask again.
    set resp.http.Cache-Control = "public, max-age=0, must-revalidate";
  }
  # Content-Security-Policy is kept with the stored page: the app made it from that very body
  # (the hashes of its inline scripts, src/server/securityHeaders.ts), so it is never changed here.
  # The keys and the proxy's lifetime are between the app and the proxy.
  unset resp.http.xkey;
  unset resp.http.Surrogate-Control;
  # A stored page carries the id of the fetch that stored it; each reader gets their own.
  set resp.http.X-Request-Id = req.http.X-Request-Id;
  unset resp.http.Via;
  unset resp.http.X-Varnish;
  unset resp.http.Age;
}
