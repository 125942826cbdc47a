# SPDX-License-Identifier: EUPL-1.2
# A minimal image for those who deploy containers (docs/deployment.md). It could not be built
# on the machine raadsloket is developed on (no registry access); the systemd path is the tested
# one. Static files are served by whitenoise; PostgreSQL, mail and TLS come from outside. An
# editable install keeps var/ and node_modules/ beside the code, where settings.py looks.
FROM python:3.11-slim-bookworm

RUN apt-get update \
 && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core nodejs npm \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --home /app raadsloket

WORKDIR /app
COPY . /app
RUN pip install --no-cache-dir -e . \
 && npm ci --omit=dev --no-audit --no-fund \
 && DEBUG=false SECRET_KEY=build-only-not-secret-000000 raadsloket collectstatic --noinput \
 && mkdir -p /app/var && chown -R raadsloket /app/var

USER raadsloket
EXPOSE 8000
CMD ["sh", "-c", "raadsloket check --deploy && raadsloket migrate --noinput && gunicorn raadsloket.wsgi -c deploy/gunicorn.conf.py --bind 0.0.0.0:8000"]
