-- Run once by the postgres:15 image when its data directory is first initialised (docker-compose.yml).
-- POSTGRES_USER/POSTGRES_DB already create role and database fastbooking; the tests use their own database.
CREATE DATABASE fastbooking_test OWNER fastbooking;
