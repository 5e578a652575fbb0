@echo off
echo done