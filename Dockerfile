# syntax=docker/dockerfile:1
# FastBooking API image:  docker build -t fastbooking .   (or: docker compose up --build)

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# Restore first, from the project files only, so the layer is cached until a dependency changes.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/FastBooking.Domain/FastBooking.Domain.csproj src/FastBooking.Domain/
COPY src/FastBooking.Application/FastBooking.Application.csproj src/FastBooking.Application/
COPY src/FastBooking.Infrastructure/FastBooking.Infrastructure.csproj src/FastBooking.Infrastructure/
COPY src/FastBooking.Api/FastBooking.Api.csproj src/FastBooking.Api/
# ReadyToRun: the engine and its packages are compiled ahead of time, so a fresh instance serves at full speed from
# its first requests instead of JIT-compiling under load (docs/performance.md, "Cold start").
RUN dotnet restore src/FastBooking.Api/FastBooking.Api.csproj --use-current-runtime -p:PublishReadyToRun=true
COPY src/ src/
RUN dotnet publish src/FastBooking.Api/FastBooking.Api.csproj -c Release --no-restore --use-current-runtime --self-contained false \
      -p:PublishReadyToRun=true -p:UseAppHost=false -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_ENVIRONMENT=Production
COPY --from=build /app ./
# The .NET 8+ images ship a non-root user "app" (UID 1654).
USER $APP_UID
EXPOSE 8080
ENTRYPOINT ["dotnet", "FastBooking.Api.dll"]
