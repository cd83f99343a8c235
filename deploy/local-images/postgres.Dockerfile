# Local stand-in for the official postgres image (make test-vps): Debian bookworm's postgresql-15
# with an entrypoint that honours the same POSTGRES_DB/USER/PASSWORD, PGDATA and PGPORT.
ARG BASE_IMAGE=koprogo-local/debian:bookworm
FROM ${BASE_IMAGE}
RUN mkdir -p /etc/postgresql-common \
  && echo 'create_main_cluster = false' > /etc/postgresql-common/createcluster.conf \
  && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql-15 \
  && rm -rf /var/lib/apt/lists/*
ENV PATH=/usr/lib/postgresql/15/bin:$PATH PGDATA=/var/lib/postgresql/data
COPY postgres-entrypoint.sh /usr/local/bin/docker-entrypoint.sh
# As the official image: SIGINT is Postgres's fast shutdown (SIGTERM waits for every client).
STOPSIGNAL SIGINT
ENTRYPOINT ["bash", "/usr/local/bin/docker-entrypoint.sh"]
CMD ["postgres"]
