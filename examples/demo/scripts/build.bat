@echo off
echo building
set OUT=build
echo done
