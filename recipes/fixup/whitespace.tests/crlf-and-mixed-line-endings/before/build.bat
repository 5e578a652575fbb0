@echo off
set CONFIG=Release 
msbuild app.sln /p:Configuration=%CONFIG%
if errorlevel 1 exit /b 1