# The position manager node (and pmctl beside it) as a container image for AWS ECS.
#   docker build --build-arg GIT_COMMIT=$(git rev-parse HEAD) -t position-manager .
# The build context has no .git (see .dockerignore), so the commit every node reports
# (`pmctl node version`) comes in as a build argument.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG GIT_COMMIT=unknown
WORKDIR /src
# Restore first, from the project files alone, so a code change does not re-download packages.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/NodeRuntime.props src/
COPY src/PositionManager.Domain/PositionManager.Domain.csproj src/PositionManager.Domain/
COPY src/PositionManager.Alpaca/PositionManager.Alpaca.csproj src/PositionManager.Alpaca/
COPY src/PositionManager.Persistence/PositionManager.Persistence.csproj src/PositionManager.Persistence/
COPY src/PositionManager.Actors/PositionManager.Actors.csproj src/PositionManager.Actors/
COPY src/PositionManager.PaperBroker/PositionManager.PaperBroker.csproj src/PositionManager.PaperBroker/
COPY src/PositionManager.Admin/PositionManager.Admin.csproj src/PositionManager.Admin/
COPY src/PositionManager.Node/PositionManager.Node.csproj src/PositionManager.Node/
COPY src/PositionManager.Cli/PositionManager.Cli.csproj src/PositionManager.Cli/
# The node is published for linux-x64, which makes it ReadyToRun (src/NodeRuntime.props): restore
# for that runtime too.
RUN dotnet restore src/PositionManager.Node/PositionManager.Node.csproj -r linux-x64 \
 && dotnet restore src/PositionManager.Cli/PositionManager.Cli.csproj
COPY src/ src/
COPY hocon/ hocon/
COPY deploy/sql/ deploy/sql/
ARG VERSION=1.0.0
RUN dotnet publish src/PositionManager.Node/PositionManager.Node.csproj -c Release -r linux-x64 --self-contained false --no-restore -o /app/node -p:Version=${VERSION} -p:SourceRevisionId=${GIT_COMMIT} \
 && dotnet publish src/PositionManager.Cli/PositionManager.Cli.csproj -c Release --no-restore -o /app/pmctl -p:Version=${VERSION} -p:SourceRevisionId=${GIT_COMMIT}

FROM mcr.microsoft.com/dotnet/aspnet:10.0
ARG GIT_COMMIT=unknown
ARG VERSION=1.0.0
LABEL org.opencontainers.image.title="position-manager" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${GIT_COMMIT}" \
      org.opencontainers.image.description="Option position manager node (Akka.NET) with pmctl"
WORKDIR /app
COPY --from=build /app/node ./node
COPY --from=build /app/pmctl ./pmctl
# pmctl inside the container (ECS Exec at 3 a.m.): `pmctl positions list`.
RUN printf '#!/bin/sh\nexec dotnet /app/pmctl/pmctl.dll "$@"\n' > /usr/local/bin/pmctl && chmod 755 /usr/local/bin/pmctl \
 && mkdir -p /data && chown app:app /data
# The image's non-root user; the journal (SQLite only; production sets PositionManager__Journal__Postgres)
# and the generated admin token live in /data.
USER app
ENV PositionManager__DataDirectory=/data \
    DOTNET_gcServer=0
# 9110: admin, health (/health/live, /health/ready for the load balancer) and /metrics; 4053: Akka
# remoting (PositionManager__Cluster__Port, see deploy/ecs). Listening beyond
# loopback needs PositionManager__Admin__Token (an ECS secret); the node refuses to start without it:
#   PositionManager__Admin__Url=http://0.0.0.0:9110
EXPOSE 9110 4053
# Ready = this member is Up and its position region registered (the image has no curl: pmctl asks).
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["dotnet", "/app/pmctl/pmctl.dll", "--node", "http://127.0.0.1:9110", "--timeout", "4", "node", "health"]
# SIGTERM (ECS stop) runs the host's graceful shutdown.
STOPSIGNAL SIGTERM
ENTRYPOINT ["dotnet", "/app/node/PositionManager.Node.dll"]
