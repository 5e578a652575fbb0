@echo off
echo done
