# Builds and runs Switchboard from this repository. Used by docker-compose.yml.
FROM maven:3.9-eclipse-temurin-21 AS build
WORKDIR /src
COPY pom.xml .
COPY src src
COPY db db
COPY frontend frontend
RUN mvn -B -q -Pproduction -DskipTests package

FROM eclipse-temurin:21-jre
WORKDIR /app
COPY --from=build /src/target/switchboard-*.jar app.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
