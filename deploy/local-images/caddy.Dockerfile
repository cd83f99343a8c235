# Local stand-in for caddy:2.x-alpine (make test-vps): Debian bookworm's caddy package (2.6.2),
# with wget for the compose healthcheck and the official image's /data and /config locations.
ARG BASE_IMAGE=koprogo-local/debian:bookworm
FROM ${BASE_IMAGE}
RUN apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends caddy wget \
  && rm -rf /var/lib/apt/lists/* && mkdir -p /data /config /etc/caddy
ENV XDG_DATA_HOME=/data XDG_CONFIG_HOME=/config
WORKDIR /srv
CMD ["caddy", "run", "--config", "/etc/caddy/Caddyfile", "--adapter", "caddyfile"]
